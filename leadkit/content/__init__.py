"""The kit's own data: frameworks, themes, cases, self-checks, prompts, scenarios, catalogue.

One cached, schema-checked loader (:mod:`leadkit.content.datafile`) reads every YAML file the kit
ships in ``datasets/``; the modules here turn them into objects
(:class:`~leadkit.content.frameworks.Framework`)
or plain dicts. This layer may import only :mod:`leadkit.errors` and :mod:`leadkit.i18n`; everything
else in the kit may import it.
"""
