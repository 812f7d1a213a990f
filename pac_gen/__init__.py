"""pac_gen: commercial action plans as code, validated and published as a site."""

__version__ = "0.1.0"
