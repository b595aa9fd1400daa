/**
 * A C++ library that needs GLIBC_2.34 (pthread_create/pthread_join moved into libc.so.6 in
 * glibc 2.34) and GLIBCXX_3.4.26 (std::filesystem entered libstdc++.so.6 with GCC 9), built
 * here with g++ 12 on glibc 2.36: exactly what fails with "version `GLIBC_2.34' not found" on
 * Ubuntu 16.04 or Debian 11.
 */
export const MODERN_LIBRARY_SOURCE = `#include <pthread.h>
#include <filesystem>
#include <system_error>
static void* work(void* arg) { *static_cast<int*>(arg) += 1; return nullptr; }
extern "C" int modern_answer(int n) {
  int value = 40;
  pthread_t thread;
  if (pthread_create(&thread, nullptr, work, &value) != 0) return -1;
  pthread_join(thread, nullptr);
  int* items = new int[n];
  for (int i = 0; i < n; i++) items[i] = 1;
  value += items[n - 1];
  delete[] items;
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path("/"), ec) ? value : -2;
}
`;

export const MODERN_FLAGS = ['-std=c++17', '-O2', '-shared', '-fPIC'];
