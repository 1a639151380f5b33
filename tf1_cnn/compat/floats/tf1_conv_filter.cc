// Conv2DBackpropFilter as TF 1.15.5's CPU kernel computed it, registered under the kernel label "tf1_15"
// (the float mode labels the nodes whose input has one channel: see labels.py).
//
// What TF 1.15.5 ran (found by measurement against the PyPI wheel on an AVX-512 CPU; the wheel's
// kernel labels "custom" and "eigen_tensor" both exist there, and its unlabelled kernel gives the
// "custom" one's bits, which is im2col and a matrix product):
// - the images are taken in shards of ceil(7864320 / (P*F + P*O + F*O)) images (P output pixels per
//   image, F = kh*kw*in_channels filter taps, O output channels: a 30 MiB working set of floats); per
//   shard, the patches form a [shard*P, F] matrix A and the output gradient a [shard*P, O] matrix B;
//   the filter gradient is the sum over shards (in order, from zero) of the contraction A^T B;
// - that contraction is Eigen's tensor contraction on the session's intra-op thread pool (its
//   choice of sequential evaluation, sharding over the contracted dimension or over the output,
//   and its block sizes are Eigen's: this file uses Eigen's own evaluator, as TF does), with two
//   parts TF 1.15 put in that Eigen did not:
//   * the blocking: Eigen's block sizes, then the contracted dimension k cut in roughly equal slices:
//     n = ceil(k / kc) slices of min(k, 8 * ceil(floor(k / n) / 8)) (e.g. k = 25088, Eigen's kc 400:
//     63 slices of 400; k = 980, kc 328: 3 of 328);
//   * each block product by MKL-DNN 0.x's single-precision GEMM (the wheel links mkldnn_sgemm;
//     on an AVX-512 CPU its AVX-512 kernel): for every output element, the block's depth d is cut
//     again (d >= 768: 384 at a time; 384 < d < 768: two halves, the first ceil(d/2)), each piece
//     summed from zero by fused multiply-adds in order of k, and the piece's sum added to the
//     output element.
// TF 2.21 runs the same Eigen code but oneDNN 3's GEMM, which sums the leftover column of a block
// (filter tap F-1 when F is not a multiple of its column unroll) in another order: hence TF 2.21
// differing from TF 1.15 in one tap of one-channel filter gradients and nowhere else.
// Checked against TF 1.15.5 at 1 and 2 threads (tests/test_floats.py; 64 shapes while measuring).
#define EIGEN_USE_THREADS
#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "tensorflow/core/framework/op_kernel.h"
#include "tensorflow/core/framework/tensor.h"
#include "tensorflow/core/framework/tensor_shape.h"
#include "unsupported/Eigen/CXX11/Tensor"

namespace tf1conv {

// Depth of one output element's sum in MKL-DNN 0.x's AVX-512 sgemm (measured: the block of 400
// was summed as 200 + 200, a block of 328 whole).
constexpr int64_t kGemmDepth = 384;

// sum over k < depth of a[k*lda + i] * b[j*depth + k] in pieces, added to *out: TF 1.15's block product
// for one output element.
__attribute__((target("fma"))) static inline void piecewise_dot(float* out, const float* a, int64_t lda,
                                                                 const float* b, int64_t depth) {
  int64_t k = 0;
  while (k < depth) {
    int64_t d = depth - k;
    if (d >= 2 * kGemmDepth) d = kGemmDepth;
    else if (d > kGemmDepth) d = (d + 1) / 2;
    float acc = 0.0f;
    for (int64_t q = k; q < k + d; ++q) acc = std::fma(a[q * lda], b[q], acc);
    *out = *out + acc;
    k += d;
  }
}

// Eight rows at once: the same operations per element, in packets.
__attribute__((target("avx,fma"))) static inline void piecewise_dot8(float* out, int64_t out_stride, const float* a,
                                                                      int64_t lda, const float* b, int64_t depth) {
  int64_t k = 0;
  while (k < depth) {
    int64_t d = depth - k;
    if (d >= 2 * kGemmDepth) d = kGemmDepth;
    else if (d > kGemmDepth) d = (d + 1) / 2;
    __m256 acc = _mm256_setzero_ps();
    for (int64_t q = k; q < k + d; ++q)
      acc = _mm256_fmadd_ps(_mm256_loadu_ps(a + q * lda), _mm256_set1_ps(b[q]), acc);
    alignas(32) float s[8];
    _mm256_store_ps(s, acc);
    for (int r = 0; r < 8; ++r) out[r * out_stride] = out[r * out_stride] + s[r];
    k += d;
  }
}

}  // namespace tf1conv

namespace Eigen {
namespace internal {

// Eigen's block sizes, then the contracted dimension in roughly equal slices of a multiple of 8.
template <typename StorageIndex, int ShardingType>
class TensorContractionBlocking<float, float, float, StorageIndex, ShardingType> {
 public:
  TensorContractionBlocking(StorageIndex k, StorageIndex m, StorageIndex n, StorageIndex num_threads = 1)
      : kc_(k), mc_(m), nc_(n) {
    if (ShardingType == ShardByCol) computeProductBlockingSizes<float, float, 1>(kc_, mc_, nc_, num_threads);
    else computeProductBlockingSizes<float, float, 1>(kc_, nc_, mc_, num_threads);
    if (kc_ <= 0 || mc_ <= 0 || nc_ <= 0) return;
    const StorageIndex slices = (std::max)(StorageIndex(1), (k + kc_ - 1) / kc_);
    kc_ = (std::min)(k, ((k / slices + 7) / 8) * 8);
  }
  StorageIndex kc() const { return kc_; }
  StorageIndex mc() const { return mc_; }
  StorageIndex nc() const { return nc_; }

 private:
  StorageIndex kc_, mc_, nc_;
};

// The block product as MKL-DNN 0.x's sgemm computed it (see the file's head). Blocks are packed
// plainly: lhs column-major [rows x depth], rhs column-major [depth x cols].
template <typename StorageIndex, typename OutputMapper, typename LhsMapper, typename RhsMapper>
struct TensorContractionKernel<float, float, float, StorageIndex, OutputMapper, LhsMapper, RhsMapper> {
  enum { HasBeta = false };
  TensorContractionKernel(StorageIndex m_, StorageIndex k_, StorageIndex n_, StorageIndex bm_, StorageIndex bk_,
                          StorageIndex bn_)
      : m(m_), k(k_), n(n_), bm(bm_), bk(bk_), bn(bn_) {}
  typedef float* LhsBlock;
  typedef float* RhsBlock;
  typedef TensorContractionBlockMemAllocator<float, float> BlockMemAllocator;
  typedef typename BlockMemAllocator::BlockMemHandle BlockMemHandle;

  template <typename Device>
  BlockMemHandle allocate(Device& d, LhsBlock* lhs_block, RhsBlock* rhs_block) {
    return BlockMemAllocator::allocate(d, bm, bk, bn, lhs_block, rhs_block);
  }
  template <typename Device>
  BlockMemHandle allocateSlices(Device& d, const StorageIndex num_lhs, const StorageIndex num_rhs,
                                const StorageIndex num_slices, std::vector<LhsBlock>* lhs_blocks,
                                std::vector<RhsBlock>* rhs_blocks) {
    return BlockMemAllocator::allocateSlices(d, bm, bk, bn, num_lhs, num_rhs, num_slices, lhs_blocks, rhs_blocks);
  }
  template <typename Device>
  static void deallocate(Device& d, BlockMemHandle handle) {
    BlockMemAllocator::deallocate(d, handle);
  }
  void packLhs(LhsBlock* lhsBlock, const typename LhsMapper::SubMapper& dm, const StorageIndex depth,
               const StorageIndex rows) {
    float* p = *lhsBlock;
    for (StorageIndex q = 0; q < depth; ++q)
      for (StorageIndex i = 0; i < rows; ++i) p[q * rows + i] = dm(i, q);
  }
  void packRhs(RhsBlock* rhsBlock, const typename RhsMapper::SubMapper& dm, const StorageIndex depth,
               const StorageIndex cols) {
    float* p = *rhsBlock;
    for (StorageIndex j = 0; j < cols; ++j)
      for (StorageIndex q = 0; q < depth; ++q) p[j * depth + q] = dm(q, j);
  }
  void invoke(const OutputMapper& out, const LhsBlock& a, const RhsBlock& b, const StorageIndex rows,
              const StorageIndex depth, const StorageIndex cols, const float alpha, const float beta) {
    eigen_assert(alpha == 1.0f && beta == 1.0f);
    for (StorageIndex j = 0; j < cols; ++j) {
      const float* bj = b + j * depth;
      StorageIndex i = 0;
      if (rows >= 8) {
        // the output mapper's rows of one column are contiguous (column-major result)
        std::vector<float> tmp(8);
        for (; i + 8 <= rows; i += 8) {
          for (int r = 0; r < 8; ++r) tmp[r] = out(i + r, j);
          tf1conv::piecewise_dot8(tmp.data(), 1, a + i, rows, bj, depth);
          for (int r = 0; r < 8; ++r) out(i + r, j) = tmp[r];
        }
      }
      for (; i < rows; ++i) {
        float v = out(i, j);
        tf1conv::piecewise_dot(&v, a + i, rows, bj, depth);
        out(i, j) = v;
      }
    }
  }

 private:
  const StorageIndex m, k, n, bm, bk, bn;
};

}  // namespace internal
}  // namespace Eigen

namespace tf1conv {

using tensorflow::OpKernel;
using tensorflow::OpKernelConstruction;
using tensorflow::OpKernelContext;
using tensorflow::Tensor;
using tensorflow::TensorShape;
namespace errors = tensorflow::errors;

// TF 1.15's working set for one shard of images: 30 MiB of floats.
constexpr int64_t kTargetWorkingSet = (int64_t{30} << 20) / sizeof(float);

class Conv2DBackpropFilterOp : public OpKernel {
 public:
  explicit Conv2DBackpropFilterOp(OpKernelConstruction* c) : OpKernel(c) {
    std::vector<int32_t> strides, dilations;
    OP_REQUIRES_OK(c, c->GetAttr("strides", &strides));
    OP_REQUIRES_OK(c, c->GetAttr("padding", &padding_));
    std::string format;
    OP_REQUIRES_OK(c, c->GetAttr("data_format", &format));
    if (c->HasAttr("dilations")) OP_REQUIRES_OK(c, c->GetAttr("dilations", &dilations));
    OP_REQUIRES(c, format == "NHWC",
                errors::InvalidArgument("the tf1_15 Conv2DBackpropFilter takes NHWC, got ", format));
    OP_REQUIRES(c, strides.size() == 4 && strides[0] == 1 && strides[3] == 1,
                errors::InvalidArgument("Conv2DBackpropFilter strides must be [1, sh, sw, 1]"));
    for (int32_t d : dilations)
      OP_REQUIRES(c, d == 1, errors::InvalidArgument("the tf1_15 Conv2DBackpropFilter has no dilations"));
    OP_REQUIRES(c, padding_ == "SAME" || padding_ == "VALID",
                errors::InvalidArgument("the tf1_15 Conv2DBackpropFilter takes SAME or VALID padding, got ", padding_));
    sh_ = strides[1];
    sw_ = strides[2];
  }

  void Compute(OpKernelContext* ctx) override {
    const Tensor& input = ctx->input(0);
    const Tensor& sizes = ctx->input(1);
    const Tensor& grad = ctx->input(2);
    OP_REQUIRES(ctx, input.dims() == 4,
                errors::InvalidArgument("input must be 4-dimensional: ", input.shape().DebugString()));
    OP_REQUIRES(ctx, sizes.dims() == 1 && sizes.NumElements() == 4,
                errors::InvalidArgument("filter_sizes must be a vector of 4: ", sizes.shape().DebugString()));
    auto fs = sizes.flat<int32_t>();
    const int64_t N = input.dim_size(0), H = input.dim_size(1), W = input.dim_size(2), C = input.dim_size(3);
    const int64_t kh = fs(0), kw = fs(1), O = fs(3);
    OP_REQUIRES(ctx, fs(2) == C,
                errors::InvalidArgument("filter_sizes' input depth ", fs(2), " is not the input's ", C));
    int64_t oh, ow, pt = 0, pl = 0;
    if (padding_ == "SAME") {
      oh = (H + sh_ - 1) / sh_;
      ow = (W + sw_ - 1) / sw_;
      pt = std::max<int64_t>((oh - 1) * sh_ + kh - H, 0) / 2;
      pl = std::max<int64_t>((ow - 1) * sw_ + kw - W, 0) / 2;
    } else {
      oh = H >= kh ? (H - kh) / sh_ + 1 : 0;
      ow = W >= kw ? (W - kw) / sw_ + 1 : 0;
    }
    OP_REQUIRES(ctx, grad.dims() == 4 && grad.dim_size(0) == N && grad.dim_size(1) == oh && grad.dim_size(2) == ow &&
                         grad.dim_size(3) == O,
                errors::InvalidArgument("out_backprop ", grad.shape().DebugString(), " does not match [", N, ",",
                                        oh, ",", ow, ",", O, "]"));
    Tensor* out = nullptr;
    OP_REQUIRES_OK(ctx, ctx->allocate_output(0, TensorShape({kh, kw, C, O}), &out));
    const int64_t F = kh * kw * C, P = oh * ow;
    float* result = out->flat<float>().data();
    std::fill_n(result, F * O, 0.0f);
    if (N == 0 || P == 0 || F == 0 || O == 0) return;
    const int64_t unit = P * F + P * O + F * O;
    const int64_t shard = std::max<int64_t>(1, (kTargetWorkingSet + unit - 1) / unit);
    Tensor col_t, prod_t;
    OP_REQUIRES_OK(ctx, ctx->allocate_temp(tensorflow::DT_FLOAT, TensorShape({std::min(shard, N) * P, F}), &col_t));
    OP_REQUIRES_OK(ctx, ctx->allocate_temp(tensorflow::DT_FLOAT, TensorShape({F, O}), &prod_t));
    float* col = col_t.flat<float>().data();
    float* prod = prod_t.flat<float>().data();
    const float* x = input.flat<float>().data();
    const float* dy = grad.flat<float>().data();
    const auto& device = ctx->eigen_cpu_device();
    typedef Eigen::TensorMap<Eigen::Tensor<const float, 2, Eigen::RowMajor, Eigen::DenseIndex>, Eigen::Unaligned> In;
    typedef Eigen::TensorMap<Eigen::Tensor<float, 2, Eigen::RowMajor, Eigen::DenseIndex>, Eigen::Unaligned> Out;
    Eigen::array<Eigen::IndexPair<Eigen::DenseIndex>, 1> dims = {Eigen::IndexPair<Eigen::DenseIndex>(0, 0)};
    for (int64_t first = 0; first < N; first += shard) {
      const int64_t count = std::min(shard, N - first);
      // im2col: row (image, y, x) holds the patch's taps (ky, kx, c), zero outside the image.
      for (int64_t im = 0; im < count; ++im) {
        const float* xi = x + (first + im) * H * W * C;
        for (int64_t y = 0; y < oh; ++y)
          for (int64_t xo = 0; xo < ow; ++xo) {
            float* row = col + ((im * oh + y) * ow + xo) * F;
            for (int64_t ky = 0; ky < kh; ++ky) {
              const int64_t iy = y * sh_ - pt + ky;
              for (int64_t kx = 0; kx < kw; ++kx) {
                const int64_t ix = xo * sw_ - pl + kx;
                float* dst = row + (ky * kw + kx) * C;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) std::fill_n(dst, C, 0.0f);
                else std::copy_n(xi + (iy * W + ix) * C, C, dst);
              }
            }
          }
      }
      In A(col, count * P, F);
      In B(dy + first * P * O, count * P, O);
      Out R(prod, F, O);
      R.device(device) = A.contract(B, dims);
      for (int64_t i = 0; i < F * O; ++i) result[i] = result[i] + prod[i];
    }
  }

 private:
  std::string padding_;
  int64_t sh_ = 1, sw_ = 1;
};

}  // namespace tf1conv

REGISTER_KERNEL_BUILDER(Name("Conv2DBackpropFilter").Device(tensorflow::DEVICE_CPU).TypeConstraint<float>("T")
                            .HostMemory("filter_sizes").Label("tf1_15"),
                        tf1conv::Conv2DBackpropFilterOp);
