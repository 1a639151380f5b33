"""A small course-style TF1 notebook, written for these tests (no third-party content).

The ConvNet of the course's "Convolution model - Application" exercise in its shape:
placeholders, Xavier-initialised filters under seed 0, two conv / ReLU / max-pool
stages, flatten and a fully connected layer, evaluated on np.random.seed(1) inputs
under tf.set_random_seed(1). Its printed Z3 is the course's published one (B2 in the
registry), so every way of running it (JupyterLab, nbconvert, nbval, legacy --check)
must print those numbers.
"""
import nbformat

# numpy's print of the published Z3 (as a TF 1.x notebook stored it)
Z3_TEXT = ("Z3 = [[-0.44670227 -1.57208765 -1.53049231 -2.31013036 -1.29104376  0.46852064]\n"
           " [-0.17601591 -1.57972014 -1.4737016  -2.61672091 -1.00810647  0.5747785 ]]\n")

CELLS = [
    ("import numpy as np\nimport tensorflow as tf\n%matplotlib inline\nnp.random.seed(1)", None),
    ("def make_inputs(height, width, channels, classes):\n"
     "    images = tf.placeholder(tf.float32, shape=[None, height, width, channels])\n"
     "    labels = tf.placeholder(tf.float32, shape=[None, classes])\n"
     "    return images, labels", None),
    ("def make_filters():\n"
     "    tf.set_random_seed(1)\n"
     "    f1 = tf.get_variable('W1', [4, 4, 3, 8], initializer=tf.contrib.layers.xavier_initializer(seed=0))\n"
     "    f2 = tf.get_variable('W2', [2, 2, 8, 16], initializer=tf.contrib.layers.xavier_initializer(seed=0))\n"
     "    return {'W1': f1, 'W2': f2}", None),
    ("def forward(images, filters):\n"
     "    a = tf.nn.relu(tf.nn.conv2d(images, filters['W1'], strides=[1, 1, 1, 1], padding='SAME'))\n"
     "    a = tf.nn.max_pool(a, ksize=[1, 8, 8, 1], strides=[1, 8, 8, 1], padding='SAME')\n"
     "    a = tf.nn.relu(tf.nn.conv2d(a, filters['W2'], strides=[1, 1, 1, 1], padding='SAME'))\n"
     "    a = tf.nn.max_pool(a, ksize=[1, 4, 4, 1], strides=[1, 4, 4, 1], padding='SAME')\n"
     "    a = tf.contrib.layers.flatten(a)\n"
     "    return tf.contrib.layers.fully_connected(a, 6, activation_fn=None)", None),
    ("tf.reset_default_graph()\n"
     "with tf.Session() as sess:\n"
     "    np.random.seed(1)\n"
     "    images, labels = make_inputs(64, 64, 3, 6)\n"
     "    filters = make_filters()\n"
     "    Z3 = forward(images, filters)\n"
     "    sess.run(tf.global_variables_initializer())\n"
     "    a = sess.run(Z3, {images: np.random.randn(2, 64, 64, 3), labels: np.random.randn(2, 6)})\n"
     "    print('Z3 = ' + str(a))", Z3_TEXT),
]


def write(path, cells=CELLS, kernel="tf1"):
    """The notebook at ``path`` (stored outputs and execution counts as Jupyter writes them)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": "TensorFlow 1.x (tf1-cnn)", "language": "python"}
    nb.cells.append(nbformat.v4.new_markdown_cell("# A ConvNet in TensorFlow 1.x"))
    for count, (source, stored) in enumerate(cells, start=1):
        cell = nbformat.v4.new_code_cell(source, execution_count=count)
        if stored is not None:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored)]
        nb.cells.append(cell)
    path.write_text(nbformat.writes(nb))
    return path
