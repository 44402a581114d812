"""The providers, one folder each; `withdrawal_apis.registry` finds them and says what each module holds."""
