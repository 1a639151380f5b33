# Keras 2's ResNet-50 (keras.applications, no weights) compiled and fit on random images:
# Keras 2.0.8 on TF 1.4 against `import keras` under the runtime. Keras 2.0 API only.
import time; T_FIRST = time.time()
import sys
import numpy as np
import keras
from keras.applications.resnet50 import ResNet50
from keras.layers import Dense, Flatten
from keras.models import Model
T_IMPORTED = time.time()
from _clock import Steps

steps_n, warmup, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
np.random.seed(0)
base = ResNet50(weights=None, include_top=False, input_shape=(size, size, 3))
out = Dense(6, activation="softmax")(Flatten()(base.output))
model = Model(inputs=base.input, outputs=out)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
xs = np.random.rand(8, size, size, 3).astype(np.float32); ys = np.eye(6)[np.random.randint(0, 6, 8)]
steps = Steps(warmup)
for _ in range(steps_n):
    with steps.timed():
        loss = model.train_on_batch(xs, ys)
steps.report(T_IMPORTED, first_line=T_FIRST, last_loss=float(loss[0]))
