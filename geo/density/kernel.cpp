#include "geo/density/kernel.h"

#include <cmath>

namespace geo {

namespace {
constexpr double kPi = 3.14159265358979323846;
}

std::string_view to_string(Kernel k)
{
    switch (k) {
    case Kernel::Quartic: return "quartic";
    case Kernel::Triweight: return "triweight";
    case Kernel::Epanechnikov: return "epanechnikov";
    case Kernel::Uniform: return "uniform";
    case Kernel::Triangular: return "triangular";
    case Kernel::Gaussian: return "gaussian";
    }
    return "?";
}

std::optional<Kernel> parse_kernel(std::string_view name)
{
    for (Kernel k : {Kernel::Quartic, Kernel::Triweight, Kernel::Epanechnikov, Kernel::Uniform, Kernel::Triangular,
                     Kernel::Gaussian})
        if (to_string(k) == name) return k;
    return std::nullopt;
}

double kernel_profile(Kernel k, double u)
{
    if (u < 0) u = -u;
    if (u >= kernel_support(k)) return 0;
    const double v = 1 - u * u;
    switch (k) {
    case Kernel::Quartic: return v * v;
    case Kernel::Triweight: return v * v * v;
    case Kernel::Epanechnikov: return v;
    case Kernel::Uniform: return 1;
    case Kernel::Triangular: return 1 - u;
    case Kernel::Gaussian: return std::exp(-0.5 * u * u);
    }
    return 0;
}

double kernel_support(Kernel k) { return k == Kernel::Gaussian ? 4.0 : 1.0; }

double kernel_normalisation(Kernel k, double h)
{
    const double a = kPi * h * h;
    switch (k) {
    case Kernel::Quartic: return 3 / a;
    case Kernel::Triweight: return 4 / a;
    case Kernel::Epanechnikov: return 2 / a;
    case Kernel::Uniform: return 1 / a;
    case Kernel::Triangular: return 3 / a;
    case Kernel::Gaussian: return 1 / (2 * a);
    }
    return 0;
}

bool kernel_is_smooth(Kernel k) { return k != Kernel::Uniform && k != Kernel::Triangular; }

}  // namespace geo
