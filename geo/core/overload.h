#pragma once
// Overload{[](const A&) {...}, [](const B&) {...}}: one visitor from several lambdas, for
// std::visit over a variant (the scenario edits).
namespace geo {

template <class... F> struct Overload : F... {
    using F::operator()...;
};
template <class... F> Overload(F...) -> Overload<F...>;

}  // namespace geo
