package dev.gearbox.classifier.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The curve, APGR and operating points on tiny examples computed by hand. */
class CascadeEvaluationTest {

    private static List<RoutingRow> rows(String source, double[] weak, double[] strong) {
        List<RoutingRow> out = new ArrayList<>();
        for (int i = 0; i < weak.length; i++) {
            out.add(new RoutingRow(source + "/" + i, source, "d", "binary",
                    List.of(new RoutingRow.RowMessage("user", "q" + i)), weak[i], strong[i], "a" + i, "s" + i));
        }
        return out;
    }

    @Test
    void anOperatingPointTakesTheStrongScoreOfEscalatedRows() {
        OperatingPoint p = OperatingPoint.of("on", new boolean[] {false, true, true, false},
                new double[] {1, 0, 0, 1}, new double[] {1, 1, 0, 0});

        assertThat(p.escalationRate()).isEqualTo(0.5);
        assertThat(p.quality()).isEqualTo(0.75); // weak 1, strong 1, strong 0, weak 1
    }

    @Test
    void aProbabilityGateEscalatesStrictlyBelowItsThreshold() {
        GateScores g = GateScores.probabilityGood("answer_model", new double[] {0.9, 0.2, 0.25, 0.8}, List.of(0.25, 0.5), 0.25);

        assertThat(g.escalates(g.defaultSetting())).containsExactly(false, true, false, false);
        assertThat(g.settings()).extracting(Setting::label).containsExactly("p<0.25", "p<0.50");
        assertThat(g.escalates(g.settings().get(1))).containsExactly(false, true, true, false);
    }

    @Test
    void aChainEscalatesWhenAnyGateDoes() {
        GateScores model = GateScores.probabilityGood("answer_model", new double[] {0.9, 0.9, 0.1}, List.of(0.5), 0.5);
        GateScores arithmetic = GateScores.onOff("arithmetic", new boolean[] {false, true, false});

        GateScores chain = GateScores.chain("cascade", List.of(model, arithmetic), model.defaultSetting(), model.settings());

        assertThat(chain.escalates(chain.defaultSetting())).containsExactly(false, true, true);
    }

    @Test
    void theGateApgrMatchesTheHandComputedCurve() {
        // weak fails only row 0 and the gate ranks it first: the curve reaches strong quality (1.0)
        // at the first cut (20% strong), so area = 0.2 * (0.8 + 1.0) / 2 + 0.8 * 1.0 = 0.98 and
        // APGR = (0.98 - 0.8) / (1.0 - 0.8) = 0.9
        List<RoutingRow> rows = rows("s", new double[] {0, 1, 1, 1, 1}, new double[] {1, 1, 1, 1, 1});
        GateScores gate = GateScores.probabilityGood("answer_model", new double[] {0.1, 0.9, 0.8, 0.7, 0.6}, List.of(0.5), 0.5);

        CascadeEvaluation.Result r = CascadeEvaluation.evaluate(rows, new double[] {0.5, 0.4, 0.3, 0.2, 0.1}, 0.45,
                List.of(gate), gate, 1L);

        CascadeEvaluation.SourceResult s = r.sources().get(0);
        CascadeEvaluation.GateResult g = s.gates().get(0);
        assertThat(g.asRouter().apgr()).isCloseTo(0.9, within(1e-9));
        assertThat(g.asRouter().cpt50()).isCloseTo(0.1, within(1e-9));
        assertThat(g.atDefault().escalationRate()).isEqualTo(0.2);
        assertThat(g.atDefault().quality()).isEqualTo(1.0);
        // the router ranks row 0 first too; at its default it sends rows 0 (score 0.5 >= 0.45) strong
        assertThat(s.routerDefault().escalationRate()).isEqualTo(0.2);
        assertThat(s.routerDefault().quality()).isEqualTo(1.0);
    }

    @Test
    void theHybridRoutesFirstThenCascadesTheCheapRows() {
        CascadeEvaluation.HybridDefault d = CascadeEvaluation.hybridDefault(new int[] {0, 1, 2, 3},
                new double[] {0.9, 0.1, 0.2, 0.8}, 0.5, new boolean[] {false, true, false, true},
                new double[] {1, 0, 1, 0}, new double[] {1, 1, 0, 1});

        assertThat(d.routedStrongShare()).isEqualTo(0.5);   // rows 0 and 3
        assertThat(d.escalationRate()).isEqualTo(0.5);      // row 1 of the cheap rows 1 and 2
        assertThat(d.point().escalationRate()).isEqualTo(0.75);
        assertThat(d.point().quality()).isEqualTo(1.0);     // strong 1, strong 1, weak 1, strong 1
    }

    @Test
    void eachSourceIsReportedApart() {
        List<RoutingRow> rows = new ArrayList<>(rows("a", new double[] {0, 1, 1, 0}, new double[] {1, 1, 1, 1}));
        rows.addAll(rows("b", new double[] {1, 0, 1, 1}, new double[] {1, 1, 0, 1}));
        GateScores gate = GateScores.onOff("arithmetic", new boolean[] {true, false, false, true, false, false, true, false});

        CascadeEvaluation.Result r = CascadeEvaluation.evaluate(rows, new double[8], 0.5, List.of(gate), gate, 3L);

        assertThat(r.sources()).extracting(CascadeEvaluation.SourceResult::source).containsExactly("a", "b");
        assertThat(r.sources().get(0).chain().atDefault().quality()).isEqualTo(1.0);
        assertThat(r.sources().get(1).chain().atDefault().quality()).isEqualTo(0.5); // weak 1, weak 0, strong 0, weak 1
        assertThat(r.hybridChoices()).hasSize(CascadeEvaluation.BLEND_FOLDS);
    }
}
