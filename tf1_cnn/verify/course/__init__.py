"""The course's own cells, as the course wrote them (TF1 API, unmodified), for ``verify``.

They are run by ``python -m tf1_cnn legacy`` in a subprocess, as a user would run
their copy: the rows C-B2/B3/B4 compare what they print with the published numbers.
"""
