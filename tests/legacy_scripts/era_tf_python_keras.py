"""Keras 2 through tensorflow.python.keras, as TF 1.4 tutorials imported it (runs on TF 1.4.1 and under legacy).

Prints one line per fact: the package's version, the optimizers module's classes, the reprs of a model,
a layer and fit's History (addresses cut), whether model.save('model.keras') wrote HDF5 and load_model
read it back with the same predictions."""
import os
import sys
import tempfile

import h5py
import numpy as np
import tensorflow as tf
from tensorflow.python import keras as keras_package
from tensorflow.python.keras import backend as K
from tensorflow.python.keras import optimizers
from tensorflow.python.keras.layers import Dense, InputLayer
from tensorflow.python.keras.models import Sequential, load_model
from tensorflow.python.keras.optimizers import Adam

print("version", keras_package.__version__)
print("optimizers", sorted(n for n in dir(optimizers) if n[:1].isupper() and isinstance(getattr(optimizers, n), type)))
rng = np.random.RandomState(0)
model = Sequential()
model.add(InputLayer(input_shape=(4,)))
model.add(Dense(3, activation="softmax"))
model.set_weights([rng.uniform(-1, 1, w.shape) for w in model.get_weights()])
model.compile(optimizer=Adam(lr=1e-3), loss="categorical_crossentropy", metrics=["accuracy"])
x = rng.rand(20, 4).astype("float32")
y = np.eye(3)[np.arange(20) % 3]
history = model.fit(x, y, epochs=1, batch_size=8, verbose=0)
print("reprs", *(repr(o).split(" at ")[0] for o in (model, model.layers[-1], history)))
path = os.path.join(tempfile.mkdtemp(), "model.keras")
model.save(path)
again = load_model(path)
print("saved hdf5", h5py.is_hdf5(path), "same predictions", bool(np.allclose(model.predict(x), again.predict(x))))
function = K.function([model.input], [model.layers[-1].output])
print("backend function", function([x[:2]])[0].shape, function([[x[0]]])[0].shape)
sys.stdout.flush()
