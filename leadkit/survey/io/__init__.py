"""Reading and checking the user's files: any layout in, the kit's wide response table out.

:mod:`~leadkit.survey.io.tablefile` reads CSV, TSV and Excel files (with a C fast path in
:mod:`~leadkit.survey.io.fastread`); :mod:`~leadkit.survey.io.table_check` and
:mod:`~leadkit.survey.io.response_checks` check every cell and name the file, line and column of
each problem; :mod:`~leadkit.survey.io.coded_columns` turns answer labels into numbers;
:mod:`~leadkit.survey.io.responses` puts it together (:func:`read_responses`).

Part of the survey layer: it may import :mod:`leadkit.content`, :mod:`leadkit.errors` and
:mod:`leadkit.i18n`, never a face.
"""
