// TF 1.15.5's CPU float arithmetic as kernels of TF 2.21, registered under the kernel label "tf1_15"
// (a node selects them with its `_kernel` attr; the graph keeps its ops).
//
// Written from TF 1.15.5's measured behaviour (PyPI wheel: AVX, no FMA; Eigen packets of 8 floats),
// each rule checked bit for bit against that wheel (tests/test_floats.py):
// - element-wise ops run packets of 8 over the flat tensor, the last n % 8 elements through the C
//   library's scalar function (expf, logf);
// - packet exp: clamp to +-88.376, n = floor(x*log2(e) + 0.5), Cody-Waite reduction with
//   0.693359375 and -2.12194440e-4, the degree-5 Cephes polynomial, times 2^n, max with x;
// - packet log: Cephes' mantissa/exponent split at sqrt(1/2), its degree-8 polynomial evaluated
//   as three interleaved Horner chains, NaN below 0, -inf at 0, +inf at +inf;
// - multiply-add is a multiply then an add (no FMA): this file is built with -ffp-contract=off;
// - packet sqrt (Adam): the approximate reciprocal square root and one Newton step;
// - a sum over n contiguous values: above 8192 values, split at the packet boundary after half and
//   add the halves' sums; otherwise one packet accumulator, a scalar tail, and the packet's lanes
//   added as ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)); a sum over an outer axis: rows in order;
//   other axis patterns: see ReduceOp;
// - Mean: that sum divided by the count as a float;
// - LogSoftmax: see LogSoftmaxOp; ApplyAdam's shards by size and thread count: see adam_block.
// (Conv2DBackpropFilter with one input channel is tf1_conv_filter.cc, a library of its own.)
#include <immintrin.h>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "tensorflow/core/framework/op_kernel.h"
#include "tensorflow/core/framework/tensor.h"
#include "tensorflow/core/framework/tensor_shape.h"
#include "tensorflow/core/platform/mutex.h"
#include <algorithm>
#include <memory>

namespace tf1floats {

using tensorflow::OpKernel;
using tensorflow::OpKernelConstruction;
using tensorflow::OpKernelContext;
using tensorflow::Tensor;
using tensorflow::TensorShape;

static inline __m256 madd(__m256 a, __m256 b, __m256 c) { return _mm256_add_ps(_mm256_mul_ps(a, b), c); }

// 2^n for integral floats n in [-127, 128], built in the exponent bits (two SSE halves: AVX has no
// 256-bit integer arithmetic).
static inline __m256 pow2n(__m256 n) {
  __m256i ni = _mm256_cvttps_epi32(n);
  __m128i lo = _mm256_castsi256_si128(ni), hi = _mm256_extractf128_si256(ni, 1);
  const __m128i bias = _mm_set1_epi32(127);
  lo = _mm_slli_epi32(_mm_add_epi32(lo, bias), 23);
  hi = _mm_slli_epi32(_mm_add_epi32(hi, bias), 23);
  return _mm256_castsi256_ps(_mm256_insertf128_si256(_mm256_castsi128_si256(lo), hi, 1));
}

static inline __m256 exp8(__m256 x0) {
  __m256 x = _mm256_min_ps(_mm256_max_ps(x0, _mm256_set1_ps(-88.3762626647949f)), _mm256_set1_ps(88.3762626647950f));
  __m256 fx = _mm256_floor_ps(madd(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
  x = _mm256_sub_ps(x, _mm256_mul_ps(fx, _mm256_set1_ps(0.693359375f)));
  x = _mm256_sub_ps(x, _mm256_mul_ps(fx, _mm256_set1_ps(-2.12194440e-4f)));
  __m256 z = _mm256_mul_ps(x, x);
  __m256 y = _mm256_set1_ps(1.9875691500E-4f);
  y = madd(y, x, _mm256_set1_ps(1.3981999507E-3f));
  y = madd(y, x, _mm256_set1_ps(8.3334519073E-3f));
  y = madd(y, x, _mm256_set1_ps(4.1665795894E-2f));
  y = madd(y, x, _mm256_set1_ps(1.6666665459E-1f));
  y = madd(y, x, _mm256_set1_ps(5.0000001201E-1f));
  y = madd(y, z, x);
  y = _mm256_add_ps(y, _mm256_set1_ps(1.0f));
  return _mm256_max_ps(_mm256_mul_ps(y, pow2n(fx)), x0);
}

static inline __m256 log8(__m256 x0) {
  __m256 x = _mm256_max_ps(x0, _mm256_set1_ps(1.17549435e-38f));
  __m256i bits = _mm256_castps_si256(x);
  __m128i lo = _mm_srli_epi32(_mm256_castsi256_si128(bits), 23);
  __m128i hi = _mm_srli_epi32(_mm256_extractf128_si256(bits, 1), 23);
  const __m128i k7f = _mm_set1_epi32(0x7f);
  __m256i e_i = _mm256_insertf128_si256(_mm256_castsi128_si256(_mm_sub_epi32(lo, k7f)), _mm_sub_epi32(hi, k7f), 1);
  x = _mm256_or_ps(_mm256_and_ps(x, _mm256_castsi256_ps(_mm256_set1_epi32(~0x7f800000))), _mm256_set1_ps(0.5f));
  __m256 e = _mm256_add_ps(_mm256_cvtepi32_ps(e_i), _mm256_set1_ps(1.0f));
  __m256 mask = _mm256_cmp_ps(x, _mm256_set1_ps(0.707106781186547524f), _CMP_LT_OQ);
  __m256 tmp = _mm256_and_ps(x, mask);
  x = _mm256_sub_ps(x, _mm256_set1_ps(1.0f));
  e = _mm256_sub_ps(e, _mm256_and_ps(_mm256_set1_ps(1.0f), mask));
  x = _mm256_add_ps(x, tmp);
  __m256 x2 = _mm256_mul_ps(x, x), x3 = _mm256_mul_ps(x2, x);
  __m256 y = madd(_mm256_set1_ps(7.0376836292E-2f), x, _mm256_set1_ps(-1.1514610310E-1f));
  __m256 y1 = madd(_mm256_set1_ps(-1.2420140846E-1f), x, _mm256_set1_ps(1.4249322787E-1f));
  __m256 y2 = madd(_mm256_set1_ps(2.0000714765E-1f), x, _mm256_set1_ps(-2.4999993993E-1f));
  y = madd(y, x, _mm256_set1_ps(1.1676998740E-1f));
  y1 = madd(y1, x, _mm256_set1_ps(-1.6668057665E-1f));
  y2 = madd(y2, x, _mm256_set1_ps(3.3333331174E-1f));
  y = madd(y, x3, y1);
  y = madd(y, x3, y2);
  y = _mm256_mul_ps(y, x3);
  y = _mm256_add_ps(y, _mm256_mul_ps(e, _mm256_set1_ps(-2.12194440e-4f)));
  x = _mm256_sub_ps(x, _mm256_mul_ps(x2, _mm256_set1_ps(0.5f)));
  x = _mm256_add_ps(x, y);
  x = _mm256_add_ps(x, _mm256_mul_ps(e, _mm256_set1_ps(0.693359375f)));
  const __m256 zero = _mm256_setzero_ps();
  __m256 invalid = _mm256_cmp_ps(x0, zero, _CMP_NGE_UQ);  // negative or NaN
  __m256 iszero = _mm256_cmp_ps(x0, zero, _CMP_EQ_OQ);
  __m256 isinf = _mm256_cmp_ps(x0, _mm256_set1_ps(INFINITY), _CMP_EQ_OQ);
  x = _mm256_blendv_ps(x, _mm256_set1_ps(INFINITY), isinf);
  x = _mm256_blendv_ps(x, _mm256_set1_ps(NAN), invalid);
  return _mm256_blendv_ps(x, _mm256_set1_ps(-INFINITY), iszero);
}

// Packet sqrt of the era's fast-math AVX build: rsqrt estimate, one Newton step, x * r; 0 where x is
// below the smallest normal float (and not negative).
static inline __m256 sqrt8(__m256 x) {
  __m256 half = _mm256_mul_ps(x, _mm256_set1_ps(0.5f));
  __m256 denorm = _mm256_and_ps(_mm256_cmp_ps(x, _mm256_set1_ps(1.17549435e-38f), _CMP_LT_OQ),
                                _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GE_OQ));
  __m256 r = _mm256_rsqrt_ps(x);
  r = _mm256_mul_ps(r, _mm256_sub_ps(_mm256_set1_ps(1.5f), _mm256_mul_ps(half, _mm256_mul_ps(r, r))));
  return _mm256_andnot_ps(denorm, _mm256_mul_ps(x, r));
}


// TF 1.15's Adam step on var[first .. first+n): alpha = lr * sqrt(1 - beta2^t) / (1 - beta1^t);
// m += (g - m) * (1 - beta1); v += (g*g - v) * (1 - beta2); var -= (m * alpha) / (sqrt(v) + epsilon);
// packets of 8 from `first` (with the packet sqrt above), the rest one by one with the exact sqrt.
static void adam_range(float* var, float* m, float* v, const float* g, int64_t first, int64_t n, float alpha,
                       float one_minus_b1, float one_minus_b2, float eps) {
  int64_t nv = n / 8 * 8, i = first;
  const __m256 a8 = _mm256_set1_ps(alpha), b1 = _mm256_set1_ps(one_minus_b1), b2 = _mm256_set1_ps(one_minus_b2),
               e8 = _mm256_set1_ps(eps);
  for (; i < first + nv; i += 8) {
    __m256 gg = _mm256_loadu_ps(g + i), mm = _mm256_loadu_ps(m + i), vv = _mm256_loadu_ps(v + i);
    mm = _mm256_add_ps(mm, _mm256_mul_ps(_mm256_sub_ps(gg, mm), b1));
    vv = _mm256_add_ps(vv, _mm256_mul_ps(_mm256_sub_ps(_mm256_mul_ps(gg, gg), vv), b2));
    __m256 upd = _mm256_div_ps(_mm256_mul_ps(mm, a8), _mm256_add_ps(sqrt8(vv), e8));
    _mm256_storeu_ps(m + i, mm);
    _mm256_storeu_ps(v + i, vv);
    _mm256_storeu_ps(var + i, _mm256_sub_ps(_mm256_loadu_ps(var + i), upd));
  }
  for (; i < first + n; ++i) {
    m[i] = m[i] + (g[i] - m[i]) * one_minus_b1;
    v[i] = v[i] + (g[i] * g[i] - v[i]) * one_minus_b2;
    var[i] = var[i] - (m[i] * alpha) / (std::sqrt(v[i]) + eps);
  }
}

static float adam_alpha(float lr, float beta1_power, float beta2_power) {
  return lr * std::sqrt(1.0f - beta2_power) / (1.0f - beta1_power);
}

enum class Unary { kExp, kLog, kReciprocal };

template <Unary U> static inline __m256 packet(__m256 x) {
  if (U == Unary::kExp) return exp8(x);
  if (U == Unary::kLog) return log8(x);
  return _mm256_div_ps(_mm256_set1_ps(1.0f), x);
}
template <Unary U> static inline float scalar(float x) {
  if (U == Unary::kExp) return std::exp(x);
  if (U == Unary::kLog) return std::log(x);
  return 1.0f / x;
}
// out[i] = f(in[i]) for i < n: packets, then the scalar tail.
template <Unary U> static void map(const float* in, float* out, int64_t n) {
  int64_t nv = n / 8 * 8, i = 0;
  for (; i < nv; i += 8) _mm256_storeu_ps(out + i, packet<U>(_mm256_loadu_ps(in + i)));
  for (; i < n; ++i) out[i] = scalar<U>(in[i]);
}

static inline float predux(__m256 p) {
  __m128 q = _mm_add_ps(_mm256_castps256_ps128(p), _mm256_extractf128_ps(p, 1));  // l0+l4 .. l3+l7
  __m128 t = _mm_add_ps(q, _mm_movehl_ps(q, q));                                    // q0+q2, q1+q3
  return _mm_cvtss_f32(_mm_add_ss(t, _mm_shuffle_ps(t, t, 1)));
}

// Sum of f(v[first .. first+n)) in TF 1.15's order; f is applied per leaf (packets, scalar tail).
template <typename Load> static float tree_sum(const Load& load, int64_t first, int64_t n) {
  if (n > 8 * 1024) {
    int64_t half = (n + 1) / 2;
    int64_t split = 8 * ((first + half + 7) / 8);
    int64_t left = std::min(split - first, n);
    float acc = 0.0f + tree_sum(load, first, left);
    if (left < n) acc = acc + tree_sum(load, split, n - left);
    return acc;
  }
  int64_t nv = n / 8 * 8;
  __m256 p = _mm256_setzero_ps();
  for (int64_t j = 0; j < nv; j += 8) p = _mm256_add_ps(p, load.packet(first + j));
  float s = 0.0f;
  for (int64_t j = nv; j < n; ++j) s = s + load.scalar(first + j);
  return s + predux(p);
}


// The intra-op thread count's effect, as TF 1.15's Eigen thread-pool device decided it (measured):
// a full reduction of n values runs on min(threads, max(1, int((n * 31/16 - 1e5) / 1e5 + 0.9)))
// shards (the cost model's threads for 31/16 cycles a value: 2 shards from n = 108388 on); shard i
// covers [i*b, (i+1)*b) with b = floor(float(n) / shards), the rest [k*b, n) is summed first and
// the shards' sums added to it in order.
static int reduce_shards(int64_t n, int threads) {
  double t = (static_cast<double>(n) * (31.0 / 16.0) - 100000.0) / 100000.0 + 0.9;
  int k = t < 1.0 ? 1 : (t > 1e9 ? 1000000000 : static_cast<int>(t));
  return std::max(1, std::min(threads, k));
}

// ApplyAdam's shards, as TF 1.15's CPU kernel cut them (measured against the 1.15.5 wheel with
// variables whose packet and scalar square roots give different updates, so every element shows
// which path computed it): a variable whose size is a multiple of 8 is cut in whole packets (every
// element takes the packet path, whatever the thread count); any other size n is cut in elements by
// Eigen's parallelFor, each shard running packets from its own start and its last n % 8 elements
// one by one. The parallelFor was given a cost of 41.8125 * n cycles per element (the whole
// variable's cost per element: (16 bytes loaded + 12 stored) * 11/64 + 37 compute cycles, times n;
// bounds measured: above 41.66 and at most 42.2), so:
// - shards run on min(threads, int((n * cost - 1e5) / 1e5 + 0.9)) threads (Eigen's cost model as
//   in reduce_shards): one shard up to n = 69, two from n = 71 on (2 threads);
// - the block is max(ceil(n / (4 * threads)), int(40000 / cost)) elements, coarsened while the
//   share of busy threads does not drop by more than 1%, up to twice that size (n = 71: 13,
//   n = 79: 14, n = 81: 11, n = 1700: 213, n = 7839: 980 at 2 threads).
static int64_t divup(int64_t a, int64_t b) { return (a + b - 1) / b; }
static int64_t adam_block(int64_t n, int threads) {
  if (n % 8 == 0 || n <= 1 || threads <= 1) return n;
  const double cost = 41.8125 * static_cast<double>(n);
  const double t = (static_cast<double>(n) * cost - 100000.0) / 100000.0 + 0.9;
  if (t < 2.0) return n;  // the cost model's one thread: the caller's thread does it all
  int64_t block =
      std::min(n, std::max(divup(n, 4 * static_cast<int64_t>(threads)), static_cast<int64_t>(40000.0 / cost)));
  const int64_t max_block = std::min(n, 2 * block);
  int64_t count = divup(n, block);
  double best = static_cast<double>(count) / (divup(count, threads) * threads);
  for (int64_t prev = count; best < 1.0 && prev > 1;) {
    int64_t coarser = divup(n, prev - 1);
    if (coarser > max_block) break;
    int64_t ccount = divup(n, coarser);
    prev = ccount;
    double eff = static_cast<double>(ccount) / (divup(ccount, threads) * threads);
    if (eff + 0.01 >= best) {
      block = coarser;
      count = ccount;
      if (best < eff) best = eff;
    }
  }
  return block;
}

static int intra_threads(OpKernelContext* ctx) {
  auto* w = ctx->device()->tensorflow_cpu_worker_threads();
  return w ? std::max(1, w->num_threads) : 1;
}

template <typename Load> static float full_sum(const Load& load, int64_t n, int threads) {
  const int k = reduce_shards(n, threads);
  if (k == 1) return tree_sum(load, 0, n);
  const int64_t b = static_cast<int64_t>(std::floor(static_cast<float>(n) / k));
  const int64_t blocks = b > 0 ? n / b : 0;
  float acc = blocks * b < n ? tree_sum(load, blocks * b, n - blocks * b) : 0.0f;
  for (int64_t i = 0; i < blocks; ++i) acc = acc + tree_sum(load, i * b, b);
  return acc;
}

struct Plain {
  const float* v;
  __m256 packet(int64_t i) const { return _mm256_loadu_ps(v + i); }
  float scalar(int64_t i) const { return v[i]; }
};
// Values [first, first + n) of a row buffer that holds them from index `base` on.
struct Row {
  const float* v;
  int64_t base;
  __m256 packet(int64_t i) const { return _mm256_loadu_ps(v + (i - base)); }
  float scalar(int64_t i) const { return v[i - base]; }
};
struct Exped {
  const float* v;
  __m256 packet(int64_t i) const { return exp8(_mm256_loadu_ps(v + i)); }
  float scalar(int64_t i) const { return std::exp(v[i]); }
};

template <Unary U> class UnaryOp : public OpKernel {
 public:
  explicit UnaryOp(OpKernelConstruction* c) : OpKernel(c) {}
  void Compute(OpKernelContext* ctx) override {
    const Tensor& in = ctx->input(0);
    Tensor* out = nullptr;
    OP_REQUIRES_OK(ctx, ctx->forward_input_or_allocate_output({0}, 0, in.shape(), &out));
    map<U>(in.flat<float>().data(), out->flat<float>().data(), in.NumElements());
  }
};

// Sum / Mean over the axes given, on the tensor's shape with size-1 dims dropped and neighbouring
// dims of the same kind (reduced or kept) merged, as TF's reduction helper shapes it.
template <bool kMean, typename Tidx> class ReduceOp : public OpKernel {
 public:
  explicit ReduceOp(OpKernelConstruction* c) : OpKernel(c) { OP_REQUIRES_OK(c, c->GetAttr("keep_dims", &keep_dims_)); }
  void Compute(OpKernelContext* ctx) override {
    const Tensor& data = ctx->input(0);
    const Tensor& axes = ctx->input(1);
    const int rank = data.dims();
    std::vector<bool> red(rank, false);
    auto ax = axes.flat<Tidx>();
    for (int64_t i = 0; i < ax.size(); ++i) {
      int64_t a = ax(i);
      OP_REQUIRES(ctx, a >= -rank && a < rank,
                  tensorflow::errors::InvalidArgument("Invalid reduction dimension ", a, " for input with ", rank, " dimensions."));
      red[a < 0 ? a + rank : a] = true;
    }
    TensorShape out_shape;
    for (int d = 0; d < rank; ++d) {
      if (!red[d]) out_shape.AddDim(data.dim_size(d));
      else if (keep_dims_) out_shape.AddDim(1);
    }
    Tensor* out = nullptr;
    OP_REQUIRES_OK(ctx, ctx->allocate_output(0, out_shape, &out));
    // Collapsed groups: (size, reduced).
    std::vector<std::pair<int64_t, bool>> g;
    for (int d = 0; d < rank; ++d) {
      int64_t s = data.dim_size(d);
      if (s == 1) continue;
      if (!g.empty() && g.back().second == red[d]) g.back().first *= s;
      else g.push_back({s, red[d]});
    }
    const float* x = data.flat<float>().data();
    float* y = out->flat<float>().data();
    const int64_t n_out = out->NumElements();
    int64_t count = 1;
    for (int d = 0; d < rank; ++d) if (red[d]) count *= data.dim_size(d);
    if (data.NumElements() == 0) {
      for (int64_t i = 0; i < n_out; ++i) y[i] = kMean ? 0.0f / 0.0f : 0.0f;
      return;
    }
    // Leading and trailing kept groups around the reduced part: [outer_kept, R..., inner_kept].
    int64_t outer = 1, inner = 1;
    size_t b = 0, e = g.size();
    if (b < e && !g[b].second) outer = g[b++].first;
    if (b < e && !g[e - 1].second) inner = g[--e].first;
    Plain load{x};
    if (b == e) {  // nothing reduced
      std::memcpy(y, x, sizeof(float) * n_out);
    } else if (e - b == 1 && inner == 1 && outer == 1) {  // reduce everything
      y[0] = full_sum(load, g[b].first, intra_threads(ctx));
    } else if (e - b == 1 && inner == 1) {  // reduce the innermost run: one tree sum per output
      const int64_t r = g[b].first;
      for (int64_t o = 0; o < outer; ++o) y[o] = tree_sum(load, o * r, r);
    } else if (e - b == 1) {  // reduce a run with kept values inside it: rows added in order
      const int64_t r = g[b].first;
      for (int64_t o = 0; o < outer; ++o) {
        float* yo = y + o * inner;
        const float* xo = x + o * r * inner;
        for (int64_t i = 0; i < inner; ++i) yo[i] = 0.0f;
        for (int64_t k = 0; k < r; ++k)
          for (int64_t i = 0; i < inner; ++i) yo[i] = yo[i] + xo[k * inner + i];
      }
    } else if (g.size() == 3 && g[0].second) {
      // [reduced A, kept K, reduced C]: per output k, scalar sum with the last reduced run outermost:
      // for c in C: for a in A: acc += x[a, k, c] (measured on TF 1.15 for [5,3,7] and [6,5,99]).
      const int64_t A = g[0].first, K = g[1].first, C = g[2].first;
      for (int64_t k = 0; k < K; ++k) {
        float acc = 0.0f;
        for (int64_t c = 0; c < C; ++c)
          for (int64_t a = 0; a < A; ++a) acc = acc + x[(a * K + k) * C + c];
        y[k] = acc;
      }
    } else {
      // Four or more alternating runs: the kept dims moved first and the reduced ones last (in their
      // order), then one tree sum per output over its contiguous reduced values (measured on TF 1.15
      // for [6,5,9,11] over axes (1, 3) and (0, 2)).
      std::vector<int64_t> dims, strides(g.size());
      for (auto& q : g) dims.push_back(q.first);
      int64_t st = 1;
      for (int k = static_cast<int>(g.size()) - 1; k >= 0; --k) { strides[k] = st; st *= dims[k]; }
      std::vector<int> kept_runs, red_runs;
      for (size_t k = 0; k < g.size(); ++k) (g[k].second ? red_runs : kept_runs).push_back(static_cast<int>(k));
      const int64_t R = count;
      std::vector<float> row(R);
      std::vector<int64_t> kc(kept_runs.size(), 0);
      for (int64_t o = 0; o < n_out; ++o) {
        int64_t base = 0;
        for (size_t i = 0; i < kept_runs.size(); ++i) base += kc[i] * strides[kept_runs[i]];
        std::vector<int64_t> rc(red_runs.size(), 0);
        for (int64_t r = 0; r < R; ++r) {
          int64_t off = base;
          for (size_t i = 0; i < red_runs.size(); ++i) off += rc[i] * strides[red_runs[i]];
          row[r] = x[off];
          for (int i = static_cast<int>(red_runs.size()) - 1; i >= 0; --i) {
            if (++rc[i] < dims[red_runs[i]]) break;
            rc[i] = 0;
          }
        }
        y[o] = tree_sum(Row{row.data(), o * R}, o * R, R);  // split points as in the [outputs, R] tensor
        for (int i = static_cast<int>(kept_runs.size()) - 1; i >= 0; --i) {
          if (++kc[i] < dims[kept_runs[i]]) break;
          kc[i] = 0;
        }
      }
    }
    if (kMean) {
      const float c = static_cast<float>(count);
      for (int64_t i = 0; i < n_out; ++i) y[i] = y[i] / c;
    }
  }
 private:
  bool keep_dims_ = false;
};

// Both cross-entropies' first half: shifted = logits - rowmax into `shifted` ([B, C]), and each row's
// sum of exp(shifted) into s ([B]), the exp inside the row sum (packets from the row's start, its tail
// through expf), as TF 1.15's kernels computed them.
static void shifted_row_sums(const float* logits, float* shifted, float* s, int64_t B, int64_t C) {
  for (int64_t r = 0; r < B; ++r) {
    float m = logits[r * C];
    for (int64_t c = 1; c < C; ++c) m = std::max(m, logits[r * C + c]);
    for (int64_t c = 0; c < C; ++c) shifted[r * C + c] = logits[r * C + c] - m;
  }
  Exped ex{shifted};
  for (int64_t r = 0; r < B; ++r) s[r] = tree_sum(ex, r * C, C);
}

// TF 1.15's LogSoftmax over the last axis (the tensor as [B, C]), measured against the 1.15.5 wheel:
// shifted = logits - rowmax; s = the row sums of exp(shifted) (the exp inside the row sum, as in the
// cross-entropies); log over the [B] vector (packets, tail through logf); out = shifted - log(s).
// (Softmax is not among the mode's ops: the same kind of rule, exp over the flat tensor, row sums,
// 1 / s over [B], e * (1 / s), left 3 of 34,400 values 1 ULP from TF 1.15.5's, at one column of
// several rows: a position-dependent step that was not found.)
class LogSoftmaxOp : public OpKernel {
 public:
  explicit LogSoftmaxOp(OpKernelConstruction* c) : OpKernel(c) {}
  void Compute(OpKernelContext* ctx) override {
    const Tensor& in = ctx->input(0);
    OP_REQUIRES(ctx, in.dims() >= 1,
                tensorflow::errors::InvalidArgument("logits must have >= 1 dimension, got ", in.shape().DebugString()));
    Tensor* out = nullptr;
    OP_REQUIRES_OK(ctx, ctx->forward_input_or_allocate_output({0}, 0, in.shape(), &out));
    const int64_t C = in.dim_size(in.dims() - 1);
    const int64_t N = in.NumElements();
    if (N == 0 || C == 0) return;
    const int64_t B = N / C;
    float* y = out->flat<float>().data();
    std::vector<float> s(B), t(B);
    shifted_row_sums(in.flat<float>().data(), y, s.data(), B, C);  // in place when the input was forwarded
    map<Unary::kLog>(s.data(), t.data(), B);
    for (int64_t i = 0; i < N; ++i) y[i] = y[i] - t[i / C];
  }
};

// TF 1.15's softmax cross-entropy: shifted = logits - rowmax; s = sum(exp(shifted)) per row (the exp
// inside the row sum); loss = sum(labels * (log(s) - shifted)) per row (log over the [batch] vector);
// backprop = exp(shifted) / s - labels (exp over the flat tensor).
class XentOp : public OpKernel {
 public:
  explicit XentOp(OpKernelConstruction* c) : OpKernel(c) {}
  void Compute(OpKernelContext* ctx) override {
    const Tensor& logits_in = ctx->input(0);
    const Tensor& labels_in = ctx->input(1);
    OP_REQUIRES(ctx, logits_in.dims() == 2 && labels_in.dims() == 2,
                tensorflow::errors::InvalidArgument("logits and labels must be 2-D, got ", logits_in.shape().DebugString(),
                                                    " and ", labels_in.shape().DebugString()));
    const int64_t B = logits_in.dim_size(0), C = logits_in.dim_size(1);
    const int64_t lb = labels_in.dim_size(0), lc = labels_in.dim_size(1);
    OP_REQUIRES(ctx, (lb == B || lb == 1) && (lc == C || lc == 1),
                tensorflow::errors::InvalidArgument("logits and labels must be broadcastable: logits_size=",
                                                    logits_in.shape().DebugString(), " labels_size=", labels_in.shape().DebugString()));
    Tensor* loss = nullptr;
    Tensor* backprop = nullptr;
    OP_REQUIRES_OK(ctx, ctx->allocate_output(0, TensorShape({B}), &loss));
    OP_REQUIRES_OK(ctx, ctx->allocate_output(1, TensorShape({B, C}), &backprop));
    if (B == 0 || C == 0) {
      if (B > 0) std::fill_n(loss->flat<float>().data(), B, C == 0 ? 0.0f : 0.0f);
      return;
    }
    const float* lg = logits_in.flat<float>().data();
    const float* lab0 = labels_in.flat<float>().data();
    std::vector<float> labels_bc;
    const float* lab = lab0;
    if (lb != B || lc != C) {
      labels_bc.resize(B * C);
      for (int64_t r = 0; r < B; ++r)
        for (int64_t c = 0; c < C; ++c) labels_bc[r * C + c] = lab0[(lb == 1 ? 0 : r) * lc + (lc == 1 ? 0 : c)];
      lab = labels_bc.data();
    }
    float* bp = backprop->flat<float>().data();
    float* l = loss->flat<float>().data();
    const int64_t N = B * C;
    std::vector<float> s(B), logs(B), tmp(N);
    shifted_row_sums(lg, bp, s.data(), B, C);
    map<Unary::kLog>(s.data(), logs.data(), B);
    for (int64_t i = 0; i < N; ++i) tmp[i] = lab[i] * (logs[i / C] - bp[i]);
    Plain pl{tmp.data()};
    for (int64_t r = 0; r < B; ++r) l[r] = tree_sum(pl, r * C, C);
    map<Unary::kExp>(bp, tmp.data(), N);
    for (int64_t i = 0; i < N; ++i) bp[i] = tmp[i] / s[i / C] - lab[i];
  }
};


// TF 1.15's sparse softmax cross-entropy (measured against the 1.15.5 wheel): shifted and the row
// sums of exp(shifted) as in XentOp; loss = log(s) - shifted[label], one scalar log per row (TF 1.15
// generated it per element, so the C library's logf, not the packet log); backprop = exp(shifted) / s
// minus 1 at the label (exp over the flat tensor). A label outside [0, C) is an error, as on TF 1.15's CPU.
template <typename Label> class SparseXentOp : public OpKernel {
 public:
  explicit SparseXentOp(OpKernelConstruction* c) : OpKernel(c) {}
  void Compute(OpKernelContext* ctx) override {
    const Tensor& logits_in = ctx->input(0);
    const Tensor& labels_in = ctx->input(1);
    OP_REQUIRES(ctx, logits_in.dims() == 2,
                tensorflow::errors::InvalidArgument("logits must be 2-D, but got shape ", logits_in.shape().DebugString()));
    OP_REQUIRES(ctx, labels_in.dims() == 1,
                tensorflow::errors::InvalidArgument("labels must be 1-D, but got shape ", labels_in.shape().DebugString()));
    const int64_t B = logits_in.dim_size(0), C = logits_in.dim_size(1);
    OP_REQUIRES(ctx, labels_in.dim_size(0) == B,
                tensorflow::errors::InvalidArgument("logits and labels must have the same first dimension, got logits shape ",
                                                    logits_in.shape().DebugString(), " and labels shape ",
                                                    labels_in.shape().DebugString()));
    OP_REQUIRES(ctx, C > 0,
                tensorflow::errors::InvalidArgument("Must have at least one class, but got logits shape ",
                                                    logits_in.shape().DebugString()));
    const Label* lab = labels_in.flat<Label>().data();
    for (int64_t r = 0; r < B; ++r)
      OP_REQUIRES(ctx, lab[r] >= 0 && lab[r] < C,
                  tensorflow::errors::InvalidArgument("Received a label value of ", lab[r],
                                                      " which is outside the valid range of [0, ", C, ").  Label values: ",
                                                      labels_in.SummarizeValue(labels_in.NumElements())));
    Tensor* loss = nullptr;
    Tensor* backprop = nullptr;
    OP_REQUIRES_OK(ctx, ctx->allocate_output(0, TensorShape({B}), &loss));
    OP_REQUIRES_OK(ctx, ctx->allocate_output(1, TensorShape({B, C}), &backprop));
    if (B == 0) return;
    const float* lg = logits_in.flat<float>().data();
    float* bp = backprop->flat<float>().data();
    float* l = loss->flat<float>().data();
    const int64_t N = B * C;
    std::vector<float> s(B), tmp(N);
    shifted_row_sums(lg, bp, s.data(), B, C);
    for (int64_t r = 0; r < B; ++r) l[r] = std::log(s[r]) - bp[r * C + lab[r]];
    map<Unary::kExp>(bp, tmp.data(), N);
    for (int64_t i = 0; i < N; ++i) bp[i] = tmp[i] / s[i / C] - (lab[i / C] == i % C ? 1.0f : 0.0f);
  }
};

// ApplyAdam on reference variables (TF 1.x's tf.Variable): var, m, v updated in place.
class ApplyAdamOp : public OpKernel {
 public:
  explicit ApplyAdamOp(OpKernelConstruction* c) : OpKernel(c) {
    OP_REQUIRES_OK(c, c->GetAttr("use_locking", &use_locking_));
    OP_REQUIRES_OK(c, c->GetAttr("use_nesterov", &use_nesterov_));
  }
  void Compute(OpKernelContext* ctx) override {
    OP_REQUIRES(ctx, !use_nesterov_, tensorflow::errors::Unimplemented("ApplyAdam with use_nesterov=True has no tf1_15 kernel"));
    // The variables' mutexes, each once, held for the update when use_locking is set.
    std::vector<tensorflow::mutex*> held;
    if (use_locking_) {
      for (int i = 0; i < 3; ++i) {
        tensorflow::mutex* mu = ctx->input_ref_mutex(i);
        if (std::find(held.begin(), held.end(), mu) == held.end()) held.push_back(mu);
      }
      std::sort(held.begin(), held.end());  // a fixed order against deadlocks
      for (auto* mu : held) mu->lock();
    }
    struct Unlock {
      std::vector<tensorflow::mutex*>& h;
      ~Unlock() { for (auto* mu : h) mu->unlock(); }
    } unlock{held};
    Tensor var = ctx->mutable_input(0, false), m = ctx->mutable_input(1, false), v = ctx->mutable_input(2, false);
    OP_REQUIRES(ctx, var.IsInitialized() && m.IsInitialized() && v.IsInitialized(),
                tensorflow::errors::FailedPrecondition("Attempting to use uninitialized variables: ", requested_input(0)));
    const Tensor& grad = ctx->input(9);
    OP_REQUIRES(ctx, var.shape().IsSameSize(m.shape()) && var.shape().IsSameSize(v.shape()) && var.shape().IsSameSize(grad.shape()),
                tensorflow::errors::InvalidArgument("var, m, v and grad must have the same shape: ", var.shape().DebugString(),
                                                    " ", m.shape().DebugString(), " ", v.shape().DebugString(), " ",
                                                    grad.shape().DebugString()));
    float sc[6];
    for (int i = 0; i < 6; ++i) {
      const Tensor& t = ctx->input(3 + i);
      OP_REQUIRES(ctx, tensorflow::TensorShapeUtils::IsScalar(t.shape()),
                  tensorflow::errors::InvalidArgument("ApplyAdam's input ", 3 + i, " must be a scalar: ", t.shape().DebugString()));
      sc[i] = t.scalar<float>()();
    }
    const float alpha = adam_alpha(sc[2], sc[0], sc[1]);
    const int64_t n = var.NumElements();
    const int64_t block = adam_block(n, intra_threads(ctx));
    float* pv = var.flat<float>().data();
    float* pm = m.flat<float>().data();
    float* pw = v.flat<float>().data();
    const float* pg = grad.flat<float>().data();
    for (int64_t first = 0; first < n; first += block)
      adam_range(pv, pm, pw, pg, first, std::min(block, n - first), alpha, 1.0f - sc[3], 1.0f - sc[4], sc[5]);
    ctx->forward_ref_input_to_ref_output(0, 0);
  }
 private:
  bool use_locking_ = false, use_nesterov_ = false;
};

}  // namespace tf1floats

// Plain C entry points (for measuring the arithmetic without a graph).
extern "C" {
void tf1floats_adam_range(float* var, float* m, float* v, const float* g, int64_t first, int64_t n, float lr,
                          float beta1_power, float beta2_power, float beta1, float beta2, float eps) {
  tf1floats::adam_range(var, m, v, g, first, n, tf1floats::adam_alpha(lr, beta1_power, beta2_power), 1.0f - beta1,
                        1.0f - beta2, eps);
}
}

#define TF1_LABEL "tf1_15"
using tensorflow::DEVICE_CPU;
REGISTER_KERNEL_BUILDER(Name("Exp").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::UnaryOp<tf1floats::Unary::kExp>);
REGISTER_KERNEL_BUILDER(Name("Log").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::UnaryOp<tf1floats::Unary::kLog>);
REGISTER_KERNEL_BUILDER(Name("Reciprocal").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::UnaryOp<tf1floats::Unary::kReciprocal>);
REGISTER_KERNEL_BUILDER(Name("Inv").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::UnaryOp<tf1floats::Unary::kReciprocal>);
#define TF1_REDUCE(OP, MEAN)                                                                                 \
  REGISTER_KERNEL_BUILDER(Name(OP).Device(DEVICE_CPU).TypeConstraint<float>("T").TypeConstraint<int32_t>("Tidx") \
                              .HostMemory("reduction_indices").Label(TF1_LABEL),                              \
                          tf1floats::ReduceOp<MEAN, int32_t>);                                                \
  REGISTER_KERNEL_BUILDER(Name(OP).Device(DEVICE_CPU).TypeConstraint<float>("T").TypeConstraint<int64_t>("Tidx") \
                              .HostMemory("reduction_indices").Label(TF1_LABEL),                              \
                          tf1floats::ReduceOp<MEAN, int64_t>);
TF1_REDUCE("Sum", false)
TF1_REDUCE("Mean", true)
REGISTER_KERNEL_BUILDER(Name("LogSoftmax").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::LogSoftmaxOp);
REGISTER_KERNEL_BUILDER(Name("SoftmaxCrossEntropyWithLogits").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::XentOp);
REGISTER_KERNEL_BUILDER(Name("SparseSoftmaxCrossEntropyWithLogits").Device(DEVICE_CPU).TypeConstraint<float>("T")
                            .TypeConstraint<int32_t>("Tlabels").Label(TF1_LABEL),
                        tf1floats::SparseXentOp<int32_t>);
REGISTER_KERNEL_BUILDER(Name("SparseSoftmaxCrossEntropyWithLogits").Device(DEVICE_CPU).TypeConstraint<float>("T")
                            .TypeConstraint<int64_t>("Tlabels").Label(TF1_LABEL),
                        tf1floats::SparseXentOp<int64_t>);
REGISTER_KERNEL_BUILDER(Name("ApplyAdam").Device(DEVICE_CPU).TypeConstraint<float>("T").Label(TF1_LABEL),
                        tf1floats::ApplyAdamOp);
