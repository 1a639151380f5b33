"""Keras 2.0-2.2 API tf_keras dropped, as TF1-era scripts use it (tests/test_keras2_api.py)."""
import numpy as np
import tensorflow as tf
import keras
from keras.engine.topology import Layer
from keras.layers.convolutional import Conv2D
from keras.layers.convolutional_recurrent import ConvLSTM2D
from keras.layers.core import Dense, Flatten
from keras.layers.merge import concatenate
from keras.layers.normalization import BatchNormalization
from keras.optimizers import rmsprop
from keras.layers.recurrent import LSTM
from keras.models import Sequential

print("versions", keras.__version__, tf.keras.__version__)
print("same classes", ConvLSTM2D is keras.layers.ConvLSTM2D, LSTM is keras.layers.LSTM, Layer is keras.layers.Layer,
      concatenate is keras.layers.concatenate, Conv2D is keras.layers.Conv2D,
      BatchNormalization is keras.layers.BatchNormalization, rmsprop is keras.optimizers.RMSprop)
np.random.seed(0)
x = np.random.rand(6, 4).astype(np.float32)
model = Sequential([Dense(3, input_shape=(4,), activation="softmax")])
probs = model.predict(x)
print("predict_classes", (model.predict_classes(x, verbose=0) == probs.argmax(-1)).all())
print("predict_proba", np.allclose(model.predict_proba(x, verbose=0), probs))
binary = Sequential([Dense(1, input_shape=(4,), activation="sigmoid")])
print("binary classes", binary.predict_classes(x, verbose=0).dtype, binary.predict_classes(x, verbose=0).shape)
