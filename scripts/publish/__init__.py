"""dist/: what other languages and tools consume, built from the provider registry and checked from there.

    python -m scripts.publish [--out DIR] [--check-reproducible]     build dist/ (`dist`)
    python -m scripts.publish.node_check [--dist DIR]                the TypeScript packages against the emulators
    python -m scripts.publish.docs_check [--dist DIR]                every page in headless Chromium

`dist` bundles the specs and writes the HTML references, `typescript` the types and npm packages,
`index` the index page; `common` is what every step shares.
"""
