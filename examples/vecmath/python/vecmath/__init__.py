"""vecmath: C++ vector maths for Python.

The extension is imported by name from inside the package, the way opencv-python's
cv2/__init__.py imports cv2.so.
"""
import os

from ._vecmath import describe, dot, native_version  # noqa: F401
from . import geometry  # noqa: F401


def data_path(name):
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)


def units():
    """Reads a data file shipped inside the wheel."""
    with open(data_path("units.txt")) as handle:
        return handle.read().split()
