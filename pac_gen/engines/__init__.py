"""Site engine adapters: the only modules that import a site engine, each a thin layer over
:mod:`pac_gen.site.build` — the MkDocs / ProperDocs plugin and the Zensical path.
"""
