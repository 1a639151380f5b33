"""Write ``tests/notebooks/course_numpy113.ipynb``: a course-style notebook (NumPy basics, then a
little TensorFlow; written for these tests) whose stored outputs are what TF 1.3.0 on NumPy 1.13.3
printed: its cells run, one namespace, in the ``numpy1.13`` oracle environment with ``tensorflow==1.3.0``
beside NumPy 1.13.3 (the course's image), each cell's stdout and its last expression's repr kept as
Jupyter stores them (a stream, an execute_result). Nothing is typed by hand.

    python -m tests.make_course_numpy113      # needs envs.numpy_python("1.13") with TF 1.3.0 in it
"""
import json
import subprocess
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
OUT = HERE / "notebooks" / "course_numpy113.ipynb"

CELLS = [
    "import numpy as np\nimport tensorflow as tf",
    "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n\nx = np.array([1, 2, 3])\nprint(\"sigmoid(x) = \" + str(sigmoid(x)))",
    "def sigmoid_derivative(x):\n    s = sigmoid(x)\n    return s * (1 - s)\n\n"
    "print(\"sigmoid_derivative(x) = \" + str(sigmoid_derivative(x)))",
    "image = np.array([[[0.67826139, 0.29380381], [0.90714982, 0.52835647]],\n"
    "                  [[0.4215251, 0.45017551], [0.92814219, 0.96677647]]])\n"
    "print(\"image2vector(image) = \" + str(image.reshape(-1, 1)))",
    "def normalize_rows(x):\n    return x / np.linalg.norm(x, axis=1, keepdims=True)\n\n"
    "normalize_rows(np.array([[0, 3, 4], [1, 6, 4]]))",
    "def softmax(x):\n    e = np.exp(x)\n    return e / np.sum(e, axis=1, keepdims=True)\n\n"
    "print(\"softmax(x) = \" + str(softmax(np.array([[9, 2, 5, 0, 0], [7, 5, 0, 0, 0]]))))",
    "yhat = np.array([.9, 0.2, 0.1, .4, .9])\ny = np.array([1, 0, 0, 1, 1])\n"
    "print(\"L1 = \" + str(np.sum(np.abs(y - yhat))))\nprint(\"L2 = \" + str(np.dot(y - yhat, y - yhat)))\n"
    "np.mean(np.abs(y - yhat) / 3)",
    "w = np.array([[1.], [-2.]])\nb = 2.\nX = np.array([[1., 2., -1.], [3., 4., -3.2]])\n"
    "A = sigmoid(np.dot(w.T, X) + b)\nprint(\"A = \" + str(A))\nprint(\"cost = \" + str(-np.mean(A)))",
    "tf.set_random_seed(1)\nW1 = tf.get_variable(\"W1\", [2, 3], initializer=tf.contrib.layers.xavier_initializer(seed=1))\n"
    "b1 = tf.get_variable(\"b1\", [1, 3], initializer=tf.zeros_initializer())\n"
    "Z = tf.matmul(tf.constant(X.T, tf.float32), W1) + b1\n"
    "with tf.Session() as sess:\n    sess.run(tf.global_variables_initializer())\n"
    "    print(\"W1 = \" + str(sess.run(W1)))\n    z, cost = sess.run([Z, tf.reduce_mean(tf.square(Z))])\n"
    "print(\"Z = \" + str(z))\nprint(\"cost = \" + str(cost))\nz.mean(axis=0)",
]

# Python 3.6: runs in the oracle. Each cell's stdout, and repr() of its last expression (Jupyter's text/plain).
RUNNER = r'''
import ast, io, json, sys, contextlib
cells, ns, out = json.load(open(sys.argv[1])), {"__name__": "__main__"}, []
for source in cells:
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(tree, "<cell>", "exec"), ns)
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns) if last else None
    out.append([buf.getvalue(), None if value is None else repr(value)])
json.dump(out, open(sys.argv[2], "w"))
'''


def main():
    import tempfile

    from tf1_cnn.oracle import envs

    exe = envs.numpy_python("1.13")
    if exe is None:
        sys.exit("no NumPy 1.13 oracle (python -m tf1_cnn compare --setup --tf1 all)")
    with tempfile.TemporaryDirectory() as tmp:
        cells, result = Path(tmp, "cells.json"), Path(tmp, "out.json")
        cells.write_text(json.dumps(CELLS))
        Path(tmp, "runner.py").write_text(RUNNER)
        subprocess.run([str(exe), "runner.py", str(cells), str(result)], cwd=tmp, check=True,
                       env=envs.oracle_environ())
        outputs = json.loads(result.read_text())
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for number, (source, (stdout, value)) in enumerate(zip(CELLS, outputs), start=1):
        cell = nbformat.v4.new_code_cell(source, execution_count=number)
        if stdout:
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=stdout))
        if value is not None:
            cell.outputs.append(nbformat.v4.new_output("execute_result", data={"text/plain": value},
                                                       execution_count=number))
        nb.cells.append(cell)
    OUT.parent.mkdir(exist_ok=True)
    nbformat.write(nb, str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
