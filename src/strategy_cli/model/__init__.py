"""The report's shape and the rules every loadable report obeys: the one place that knows them."""
