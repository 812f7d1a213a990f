"""Site engine adapters: the only modules that import a site engine (MkDocs / ProperDocs)."""
