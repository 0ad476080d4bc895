"""The guided interview behind `smplan init`."""
