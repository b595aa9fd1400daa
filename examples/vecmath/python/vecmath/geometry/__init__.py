"""A nested package using the C++ code through the parent package's extension."""
from .._vecmath import dot


def norm(vector):
    return dot(vector, vector) ** 0.5
