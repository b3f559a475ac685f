"""Package metadata, kept in one place (hatch reads the version from here)."""

__title__ = "readout_nlp"
__version__ = "0.1.0"
__summary__ = "Diplomatic readouts into attributed, typed data."
