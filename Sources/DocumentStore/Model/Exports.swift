// JSON values cross every boundary of the store (extra metadata, `--json` output, plugin
// messages); the type lives in its own small target so that external plugins can use it
// without the store, and everything that imports DocumentStore sees it as before.
@_exported import DossierJSON
