"""Site engine adapters: thin layers between :mod:`pac_gen.site_build` and a site generator.

Only the modules of this package (and the MkDocs/ProperDocs plugin,
:mod:`pac_gen.plugin`) know a site engine; the core never imports one.
"""
