# Keras 2 on a TF1 backend, as the course's ResNet notebook's first cell imports it.
import numpy as np
from keras import layers
from keras.layers import Input, Add, Dense, Activation, ZeroPadding2D, BatchNormalization, Flatten, Conv2D
from keras.models import Model, load_model
from keras.preprocessing import image
from keras.utils import layer_utils
from keras.utils.data_utils import get_file
from keras.applications.imagenet_utils import preprocess_input
import pydot
from IPython.display import SVG
from keras.utils.vis_utils import model_to_dot
from keras.utils import plot_model
from keras.initializers import glorot_uniform
import scipy.misc
from matplotlib.pyplot import imshow
import keras.backend as K
K.set_image_data_format('channels_last')
K.set_learning_phase(1)
import tensorflow as tf

print("initializer", type(glorot_uniform(seed=0)).__module__)
tf.reset_default_graph()
with tf.Session() as test:
    np.random.seed(1)
    A_prev = tf.placeholder("float", [3, 4, 4, 6])
    X = np.random.randn(3, 4, 4, 6)
    out = Conv2D(6, (1, 1), kernel_initializer=glorot_uniform(seed=0))(A_prev)
    out = BatchNormalization(axis=3)(out)
    test.run(tf.global_variables_initializer())
    out = test.run([out], feed_dict={A_prev: X, K.learning_phase(): 0})
    print("out shape", out[0].shape)
X_input = Input((8, 8, 3))
model = Model(inputs=X_input, outputs=Dense(2, activation="softmax")(Flatten()(X_input)))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
h = model.fit(np.random.rand(16, 8, 8, 3), np.eye(2)[np.random.randint(0, 2, 16)], epochs=2, batch_size=8, verbose=0)
print("epochs", len(h.history["loss"]))
plot_model(model, to_file="model.png")
img = scipy.misc.imresize(np.random.rand(10, 20, 3), (5, 8))
print("imresize", img.shape, img.dtype)
