// The CPython extension module `vecmath._vecmath`, written against the C API only (no pybind11)
// so that the same source builds for Python 2.7, 3.x and PyPy's cpyext. C++ exceptions are
// caught here and cross into Python as ValueError.
#include <Python.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "vecmath.hpp"

#if PY_MAJOR_VERSION >= 3
#define VECMATH_TEXT PyUnicode_FromString
#else
#define VECMATH_TEXT PyString_FromString
#endif

static bool to_vector(PyObject* object, std::vector<double>* out) {
  PyObject* seq = PySequence_Fast(object, "expected a sequence of numbers");
  if (!seq) return false;
  Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
  out->resize(static_cast<std::size_t>(n));
  for (Py_ssize_t i = 0; i < n; ++i) {
    double value = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
    if (value == -1.0 && PyErr_Occurred()) {
      Py_DECREF(seq);
      return false;
    }
    (*out)[static_cast<std::size_t>(i)] = value;
  }
  Py_DECREF(seq);
  return true;
}

static PyObject* py_dot(PyObject*, PyObject* args) {
  PyObject *a, *b;
  if (!PyArg_ParseTuple(args, "OO", &a, &b)) return NULL;
  std::vector<double> va, vb;
  if (!to_vector(a, &va) || !to_vector(b, &vb)) return NULL;
  try {
    return PyFloat_FromDouble(vecmath::dot(va, vb));
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_ValueError, e.what());
    return NULL;
  }
}

static PyObject* py_describe(PyObject*, PyObject* args) {
  PyObject* v;
  if (!PyArg_ParseTuple(args, "O", &v)) return NULL;
  std::vector<double> vv;
  if (!to_vector(v, &vv)) return NULL;
  return VECMATH_TEXT(vecmath::describe(vv).c_str());
}

static PyObject* py_native_version(PyObject*, PyObject*) { return VECMATH_TEXT(vecmath::version()); }

static PyMethodDef methods[] = {
    {"dot", py_dot, METH_VARARGS, "Dot product of two equal-length sequences (C++)."},
    {"describe", py_describe, METH_VARARGS, "Describe a vector as text (C++ std::string)."},
    {"native_version", py_native_version, METH_NOARGS, "Version of the C++ library."},
    {NULL, NULL, 0, NULL}};

#if PY_MAJOR_VERSION >= 3
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_vecmath", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit__vecmath(void) { return PyModule_Create(&module); }
#else
PyMODINIT_FUNC init_vecmath(void) { Py_InitModule("_vecmath", methods); }
#endif
