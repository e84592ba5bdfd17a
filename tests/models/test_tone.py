from models.tone import mean_tone, negative_share, sentence_tone, sentence_tones


def test_sentence_tone_is_vader_compound() -> None:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = "The ban is a brutal, cruel betrayal."
    expected = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert sentence_tone(text) == expected
    assert expected < -0.5


def test_scoring_per_sentence_does_not_saturate() -> None:
    # VADER on a whole long text saturates towards -1; per sentence it does not.
    sentences = ["Officials were killed in the attack."] + ["The meeting was held on Monday."] * 9
    tones = sentence_tones(sentences)
    assert -0.2 < mean_tone(tones) < 0.0
    assert negative_share(tones) == 0.1


def test_empty_inputs() -> None:
    assert sentence_tone("   ") == 0.0
    assert mean_tone([]) == 0.0
    assert negative_share([]) == 0.0
