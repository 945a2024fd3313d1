"""Circle: a training simulator for group-therapy education."""
import importlib
import sys


def names_on_demand(package: str, where: dict[str, str]):
    """A package's module-level __getattr__ (PEP 562): a name listed in `where` (name -> the
    module of the package it lives in) is imported the first time it is asked for, then kept
    in the package. Packages use it so that the window's first frame loads only what it shows."""
    def __getattr__(name: str):
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value
    return __getattr__
