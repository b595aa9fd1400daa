#include "vecmath.hpp"

#include <sstream>
#include <stdexcept>

namespace vecmath {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) {
    std::ostringstream message;
    message << "dot: vectors have different lengths (" << a.size() << " vs " << b.size() << ")";
    throw std::invalid_argument(message.str());
  }
  double sum = 0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

std::string describe(const std::vector<double>& v) {
  std::ostringstream out;
  out << "Vector(" << v.size() << "): [";
  for (std::size_t i = 0; i < v.size(); ++i) out << (i ? ", " : "") << v[i];
  out << "]";
  return out.str();
}

const char* version() { return "vecmath-native 1.0"; }

}  // namespace vecmath
