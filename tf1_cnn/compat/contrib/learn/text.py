"""``tf.contrib.learn.preprocessing``'s text processors (TF 1.3-1.15's preprocessing/text module):
``tokenizer``, ``ByteProcessor``, ``VocabularyProcessor``.

Written from TF 1.x's documented behaviour and checked against TF 1.15.5 (tests/test_contrib_learn.py):
ids are int64 rows of ``max_document_length`` (0-padded, longer documents cut), the tokenizer is
TF 1.x's regular expression, ``save`` pickles the processor as TF 1.x did and ``restore`` reads
both its own files and those TF 1.x wrote (their classes live under ``tensorflow.contrib.learn...``).
"""
import io
import pickle
import re

import numpy as np

from .categorical_vocabulary import CategoricalVocabulary

# TF 1.x's token pattern: an acronym (2+ capitals not followed by lower case), a capitalised word that
# a capital follows (CamelCase splits), else a run of word characters, apostrophes and hyphens
TOKENIZER_RE = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z][a-z]+(?=[A-Z])|[\'\w\-]+", re.UNICODE)


def tokenizer(iterator):
    """Yields the list of tokens (TOKENIZER_RE's matches) of each string of ``iterator``."""
    for value in iterator:
        yield TOKENIZER_RE.findall(value)


class ByteProcessor(object):
    """Documents as rows of their UTF-8 bytes (uint8, ``max_document_length`` long, 0-padded)."""

    def __init__(self, max_document_length):
        self.max_document_length = max_document_length

    def fit(self, x):
        """Nothing to learn."""
        return self

    def fit_transform(self, x):
        return self.transform(x)

    def transform(self, x):
        """Yields a uint8 array (max_document_length,) per document (str encoded as UTF-8, or bytes)."""
        for document in x:
            if isinstance(document, str):
                document = document.encode("utf-8")
            data = np.frombuffer(memoryview(document)[:self.max_document_length], dtype=np.uint8)
            yield np.pad(data, (0, self.max_document_length - len(data)), "constant")

    def reverse(self, x):
        """Yields the text of each row (trailing zeros dropped); '' when the bytes are not UTF-8."""
        for data in x:
            document = np.trim_zeros(np.asarray(data).astype(np.int8), trim="b").tobytes()
            try:
                yield document.decode("utf-8")
            except UnicodeDecodeError:
                yield ""


class VocabularyProcessor(object):
    """Documents -> int64 rows (max_document_length,) of word ids from a CategoricalVocabulary.

    ``fit`` adds every token, trims to ``min_frequency`` (when > 0) and freezes; ``transform``
    yields each document's first max_document_length ids, 0-padded (0 = unknown as well).
    """

    def __init__(self, max_document_length, min_frequency=0, vocabulary=None, tokenizer_fn=None):
        self.max_document_length = max_document_length
        self.min_frequency = min_frequency
        self.vocabulary_ = vocabulary if vocabulary is not None else CategoricalVocabulary()
        self._tokenizer = tokenizer_fn if tokenizer_fn is not None else tokenizer

    def fit(self, raw_documents, unused_y=None):
        """Learn the vocabulary of ``raw_documents`` (an iterable of str); returns self."""
        for tokens in self._tokenizer(raw_documents):
            for token in tokens:
                self.vocabulary_.add(token)
        if self.min_frequency > 0:
            self.vocabulary_.trim(self.min_frequency)
        self.vocabulary_.freeze()
        return self

    def fit_transform(self, raw_documents, unused_y=None):
        """fit, then transform: an iterable of int64 arrays (max_document_length,)."""
        self.fit(raw_documents)
        return self.transform(raw_documents)

    def transform(self, raw_documents):
        """Yields an int64 array (max_document_length,) of ids per document."""
        for tokens in self._tokenizer(raw_documents):
            word_ids = np.zeros(self.max_document_length, np.int64)
            for index, token in enumerate(tokens):  # a tokenizer_fn may yield any iterable
                if index >= self.max_document_length:
                    break
                word_ids[index] = self.vocabulary_.get(token)
            yield word_ids

    def reverse(self, documents):
        """Yields each id row as its words joined by spaces (padding comes back as the unknown token)."""
        for item in documents:
            yield " ".join(self.vocabulary_.reverse(class_id) for class_id in item)

    def save(self, filename):
        """Pickle this processor to ``filename`` (TF 1.x's format: the object, its tokenizer by reference)."""
        import tensorflow as tf

        with tf.io.gfile.GFile(filename, "wb") as f:
            f.write(pickle.dumps(self))

    @classmethod
    def restore(cls, filename):
        """The processor pickled in ``filename``, by this runtime or by TF 1.x."""
        import tensorflow as tf

        with tf.io.gfile.GFile(filename, "rb") as f:
            return _Unpickler(io.BytesIO(f.read())).load()


# where TF 1.x's pickles name these classes (and the default tokenizer) -> this module's
_TF1_MODULES = ("tensorflow.contrib.learn.python.learn.preprocessing.text",
                "tensorflow.contrib.learn.python.learn.preprocessing.categorical_vocabulary")


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if module in _TF1_MODULES:
            from . import categorical_vocabulary

            for source in (categorical_vocabulary, globals()):
                found = source.get(name) if isinstance(source, dict) else getattr(source, name, None)
                if found is not None:
                    return found
        return super().find_class(module, name)
