// TF 1.x's GatherTree op (tf.contrib.seq2seq.gather_tree, TF 1.3-1.15) as an op of TF 2.21, which has
// none: the same op signature (step_ids, parent_ids: [max_time, batch, beam] T; max_sequence_lengths:
// [batch] int32; end_token: [] T -> beams: [max_time, batch, beam] T; T in {int32}), shape function
// and CPU kernel.
//
// Written from TF 1.15's documented behaviour (gather_tree's docstring) and its observed results and
// messages (tests/test_contrib_seq2seq.py checks both against the TF 1.15.5 oracle):
// - for batch entry b and beam k, with L = min(max_time, max_sequence_lengths[b]): steps >= L hold
//   end_token; step L-1 holds step_ids[L-1, b, k]; each earlier step t holds the id of the beam that
//   step t+1 came from, step_ids[t, b, parent], following parent = parent_ids[t+1, b, parent];
// - in each beam, the steps after the first end_token hold end_token;
// - a parent id outside [0, beam) is an InvalidArgumentError naming (batch, time, beam) of the step
//   whose id it would have read.
#include <cstdint>

#include "tensorflow/core/framework/op.h"
#include "tensorflow/core/framework/op_kernel.h"
#include "tensorflow/core/framework/shape_inference.h"
#include "tensorflow/core/framework/tensor.h"

namespace tf1seq2seq {

using tensorflow::DEVICE_CPU;
using tensorflow::OpKernel;
using tensorflow::OpKernelConstruction;
using tensorflow::OpKernelContext;
using tensorflow::Status;
using tensorflow::Tensor;
using tensorflow::shape_inference::DimensionHandle;
using tensorflow::shape_inference::InferenceContext;
using tensorflow::shape_inference::ShapeHandle;

// Graph-construction checks in TF 1.15's order: the ranks (3, 3, 1, 0), step_ids' and parent_ids'
// shapes merged, their batch dimension merged with the lengths'; beams has the merged shape.
Status GatherTreeShape(InferenceContext* c) {
  ShapeHandle step_ids, parent_ids, lengths, unused;
  TF_RETURN_IF_ERROR(c->WithRank(c->input(0), 3, &step_ids));
  TF_RETURN_IF_ERROR(c->WithRank(c->input(1), 3, &parent_ids));
  TF_RETURN_IF_ERROR(c->WithRank(c->input(2), 1, &lengths));
  TF_RETURN_IF_ERROR(c->WithRank(c->input(3), 0, &unused));
  ShapeHandle beams;
  TF_RETURN_IF_ERROR(c->Merge(step_ids, parent_ids, &beams));
  DimensionHandle batch;
  TF_RETURN_IF_ERROR(c->Merge(c->Dim(beams, 1), c->Dim(lengths, 0), &batch));
  TF_RETURN_IF_ERROR(c->ReplaceDim(beams, 1, batch, &beams));
  c->set_output(0, beams);
  return Status();
}

template <typename T>
class GatherTreeOp : public OpKernel {
 public:
  explicit GatherTreeOp(OpKernelConstruction* ctx) : OpKernel(ctx) {}

  void Compute(OpKernelContext* ctx) override {
    const Tensor& step_ids = ctx->input(0);
    const Tensor& parent_ids = ctx->input(1);
    const Tensor& lengths = ctx->input(2);
    const Tensor& end_token_t = ctx->input(3);
    OP_REQUIRES(ctx, step_ids.dims() == 3,
                tensorflow::errors::InvalidArgument("step_ids must be a 3-tensor, saw shape: ",
                                                    step_ids.shape().DebugString()));
    OP_REQUIRES(ctx, lengths.dims() == 1,
                tensorflow::errors::InvalidArgument("max_sequence_lengths must be a vector, saw shape: ",
                                                    lengths.shape().DebugString()));
    OP_REQUIRES(ctx, end_token_t.dims() == 0,
                tensorflow::errors::InvalidArgument("end_token must be a scalar, saw shape: ",
                                                    end_token_t.shape().DebugString()));
    OP_REQUIRES(ctx, step_ids.shape() == parent_ids.shape(),
                tensorflow::errors::InvalidArgument("step_ids.shape must match parent_ids.shape.  but shapes are: ",
                                                    step_ids.shape().DebugString(), " and ",
                                                    parent_ids.shape().DebugString()));
    const int64_t max_time = step_ids.dim_size(0), batch = step_ids.dim_size(1), beam = step_ids.dim_size(2);
    OP_REQUIRES(ctx, batch == lengths.dim_size(0),
                tensorflow::errors::InvalidArgument(
                    "batch size dimensions step_ids.shape[1] and max_sequence_lengths.shape[0] must match.  "
                    "but shapes are: ",
                    step_ids.shape().DebugString(), " and ", lengths.shape().DebugString()));
    Tensor* beams_t = nullptr;
    OP_REQUIRES_OK(ctx, ctx->allocate_output(0, step_ids.shape(), &beams_t));
    const T end_token = end_token_t.scalar<T>()();
    const T* ids = step_ids.flat<T>().data();
    const T* parents = parent_ids.flat<T>().data();
    const int32_t* length = lengths.flat<int32_t>().data();
    T* beams = beams_t->flat<T>().data();
    // [t, b, k] in the row-major [max_time, batch, beam] buffers
    auto at = [batch, beam](int64_t t, int64_t b, int64_t k) { return (t * batch + b) * beam + k; };
    for (int64_t i = 0; i < beams_t->NumElements(); ++i) beams[i] = end_token;
    for (int64_t b = 0; b < batch; ++b) {
      const int64_t steps = std::min<int64_t>(max_time, length[b]);
      if (steps <= 0) continue;
      for (int64_t k = 0; k < beam; ++k) {
        beams[at(steps - 1, b, k)] = ids[at(steps - 1, b, k)];
        T parent = parents[at(steps - 1, b, k)];
        for (int64_t t = steps - 2; t >= 0; --t) {
          OP_REQUIRES(ctx, parent >= 0 && parent < beam,
                      tensorflow::errors::InvalidArgument("Saw invalid parent id ", parent,
                                                          " at (batch, time, beam) == (", b, ", ", t, ", ", k,
                                                          ")"));
          beams[at(t, b, k)] = ids[at(t, b, parent)];
          parent = parents[at(t, b, parent)];
        }
        bool finished = false;
        for (int64_t t = 0; t < steps; ++t) {
          if (finished) {
            beams[at(t, b, k)] = end_token;
          } else if (beams[at(t, b, k)] == end_token) {
            finished = true;
          }
        }
      }
    }
  }
};

}  // namespace tf1seq2seq

REGISTER_OP("GatherTree")
    .Input("step_ids: T")
    .Input("parent_ids: T")
    .Input("max_sequence_lengths: int32")
    .Input("end_token: T")
    .Output("beams: T")
    .Attr("T: {int32}")
    .SetShapeFn(tf1seq2seq::GatherTreeShape);

REGISTER_KERNEL_BUILDER(Name("GatherTree").Device(tensorflow::DEVICE_CPU).TypeConstraint<int32_t>("T"),
                        tf1seq2seq::GatherTreeOp<int32_t>);
