"""``python -m tf1_cnn migrate``: rewrite TF1 code for stock TensorFlow 2 with TF 1.x's numbers kept.

- ``seeds``: run the source under the TF1 runtime up to its graphs and record, for every
  unseeded random op, the op seed TF 1.x's rule gave it and the user's call site;
- ``rewrite``: the libcst transformer (imports, renames, seeds written at their call sites);
- ``helpers``: the one small helper module written beside the output, when needed;
- ``report``: MIGRATION.md and the JSON report;
- ``verify``: run the source under ``legacy`` and the output under plain Python, compare numbers;
- ``cli``: the command.
"""
