import pytest

import leadkit as lk
from leadkit.i18n import on_language_change


def test_default_is_english_and_switch_changes_texts():
    assert lk.get_language() == "en"
    fw = lk.load_framework("agile-cmo")
    english = fw.elements[0].label
    lk.set_language("nl")
    assert fw.elements[0].label != english
    assert lk.tr({"en": "a", "nl": "b"}) == "b"


def test_unknown_language_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="'nl' for Dutch"):
        lk.set_language("de")


def test_missing_translation_is_an_error_not_a_silent_fallback():
    lk.set_language("nl")
    with pytest.raises(KeyError, match="no 'nl' version"):
        lk.tr({"en": "only English"})


def test_listeners_hear_the_switch():
    heard = []
    on_language_change(heard.append)
    lk.set_language("nl")
    assert heard[-1] == "nl"


def test_env_variable_sets_the_start_language(monkeypatch):
    import leadkit.i18n as i18n

    monkeypatch.setenv("LEADKIT_LANG", "nl_NL.UTF-8")
    assert i18n._initial_language() == "nl"
    monkeypatch.setenv("LEADKIT_LANG", "fr")
    assert i18n._initial_language() == "en"
