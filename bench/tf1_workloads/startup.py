# Start-up: the user's first line, then `import tensorflow`, nothing else.
import time; T_FIRST = time.time()
import tensorflow as tf
T_IMPORTED = time.time()
from _clock import Steps

Steps(0).report(T_IMPORTED, first_line=T_FIRST)
