package edu.scrutiny.matching.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic, on six cases small enough to count by hand. */
class MetricsTest {
    /** Scores best first: match, match, non-match, match, non-match, non-match; default threshold 0.65. */
    static final List<Judgement> SIX = List.of(
            new Judgement(0.9, true, 0.65),
            new Judgement(0.8, true, 0.65),
            new Judgement(0.7, false, 0.65),
            new Judgement(0.6, true, 0.65),
            new Judgement(0.3, false, 0.65),
            new Judgement(0.2, false, 0.65));

    @Test
    void countsAtTheirOwnThresholds() {
        // flagged: 0.9, 0.8 (right) and 0.7 (wrong); 0.6 missed
        Metrics m = Metrics.atOwnThresholds(SIX);
        assertThat(m.truePositives()).isEqualTo(2);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.falseNegatives()).isEqualTo(1);
        assertThat(m.trueNegatives()).isEqualTo(2);
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.f1()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void eachCaseMayHaveItsOwnThreshold() {
        List<Judgement> mixed = List.of(new Judgement(0.7, true, 0.8), new Judgement(0.7, false, 0.6));
        Metrics m = Metrics.atOwnThresholds(mixed);
        assertThat(m.falseNegatives()).isEqualTo(1);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.f1()).isZero();
    }

    @Test
    void aScoreEqualToTheThresholdIsFlagged() {
        Metrics m = Metrics.at(0.6, SIX);
        assertThat(m.truePositives()).isEqualTo(3);
        assertThat(m.falsePositives()).isEqualTo(1);
        assertThat(m.precision()).isEqualTo(0.75);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void flaggingNothingIsPrecisionOneRecallZero() {
        Metrics m = Metrics.at(0.95, SIX);
        assertThat(m.truePositives() + m.falsePositives()).isZero();
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isZero();
        assertThat(m.f1()).isZero();
        assertThat(m.total()).isEqualTo(6);
    }

    @Test
    void sweepGivesOnePointPerHundredthAndTheBestF1Plateau() {
        ThresholdSweep sweep = ThresholdSweep.of(SIX);
        assertThat(sweep.curve()).hasSize(101);
        assertThat(sweep.curve().get(0).threshold()).isZero();
        assertThat(sweep.curve().get(100).threshold()).isEqualTo(1.0);
        // at 0.00 everything is flagged: 3 of 6 right
        assertThat(sweep.curve().get(0).metrics().precision()).isEqualTo(0.5);
        assertThat(sweep.curve().get(0).metrics().recall()).isEqualTo(1.0);
        // 0.75: the two best, both matches
        Metrics at75 = sweep.curve().get(75).metrics();
        assertThat(at75.precision()).isEqualTo(1.0);
        assertThat(at75.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(at75.f1()).isCloseTo(0.8, within(1e-12));
        // above 0.30 (which flags the 0.3 non-match) and up to 0.60 (which still flags the 0.6 match): 3 right, 1 wrong
        assertThat(sweep.best().threshold()).isEqualTo(0.31);
        assertThat(sweep.best().upTo()).isEqualTo(0.6);
        assertThat(sweep.best().metrics().f1()).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void recallNeverRisesWithTheThreshold() {
        List<ThresholdSweep.Point> curve = ThresholdSweep.of(SIX).curve();
        for (int i = 1; i < curve.size(); i++) {
            assertThat(curve.get(i).metrics().recall()).isLessThanOrEqualTo(curve.get(i - 1).metrics().recall());
        }
    }
}
