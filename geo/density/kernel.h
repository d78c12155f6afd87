#pragma once
// Kernels for density estimation, as functions of u = r / h (distance over bandwidth).
// Profiles are 1 at u = 0; the normalisation makes c * K(r / h) integrate to 1 over the
// plane, so that a "scaled" surface integrates to the total weight.
//   quartic      K = (1 - u²)²           c = 3 / (π h²)     support u < 1
//   triweight    K = (1 - u²)³           c = 4 / (π h²)     support u < 1
//   Epanechnikov K = 1 - u²              c = 2 / (π h²)     support u < 1
//   uniform      K = 1                   c = 1 / (π h²)     support u < 1
//   triangular   K = 1 - u               c = 3 / (π h²)     support u < 1
//   Gaussian     K = exp(-u² / 2)        c = 1 / (2π h²)    h is σ; cut at u = 4 (0.03% of mass)
#include <optional>
#include <string_view>

namespace geo {

enum class Kernel { Quartic, Triweight, Epanechnikov, Uniform, Triangular, Gaussian };

std::string_view to_string(Kernel k);
std::optional<Kernel> parse_kernel(std::string_view name);  // "quartic", "gaussian", ...

double kernel_profile(Kernel k, double u);
double kernel_support(Kernel k);                 // in units of h
double kernel_normalisation(Kernel k, double h); // c above
// Smooth kernels (continuous first derivative) are estimated accurately from binned points;
// uniform and triangular are not, and are computed exactly.
bool kernel_is_smooth(Kernel k);

}  // namespace geo
