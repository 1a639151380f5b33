"""``tf.contrib.lookup``: lookup_ops."""
from ._common import module

def load():
    """``tf.contrib.lookup``: lookup_ops, where TF 1.x's contrib.lookup came from (HashTable, index_table_*)."""
    from tensorflow.python.ops import lookup_ops

    names = ("HashTable", "KeyValueTensorInitializer", "IdTableWithHashBuckets", "MutableHashTable",
             "MutableDenseHashTable", "TextFileInitializer", "TextFileIndex", "index_table_from_file",
             "index_table_from_tensor", "index_to_string_table_from_file", "index_to_string_table_from_tensor",
             "LookupInterface", "InitializableLookupTableBase", "HasherSpec", "FastHashSpec", "StrongHashSpec",
             "TextFileIdTableInitializer", "TextFileStringTableInitializer")
    return module("tf.contrib.lookup", {n: getattr(lookup_ops, n) for n in names if hasattr(lookup_ops, n)})
