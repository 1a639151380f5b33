"""What TF1-era code printed: Keras 2.0.8's and TF 1.15's tf.keras output (``keras2``), TF 1.x's
logging lines (``tf1_logging``), an Estimator's INFO lines of the version (``estimator_lines``), NumPy 1.13's / 1.16's printing of arrays and scalars (``numpy``)."""
