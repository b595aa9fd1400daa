// vecmath: a tiny C++ library, standing in for the opencv/caffe-like code a team ships.
#pragma once
#include <string>
#include <vector>

namespace vecmath {

// Throws std::invalid_argument when the vectors differ in length.
double dot(const std::vector<double>& a, const std::vector<double>& b);

// "Vector(3): [1, 2, 3]"
std::string describe(const std::vector<double>& v);

const char* version();

}  // namespace vecmath
