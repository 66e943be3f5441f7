"""coprod: a reflective toolkit for co-production in health and social care."""

__version__ = "0.1.0"
