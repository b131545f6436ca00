package org.brainfx.app.modelview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.app.modelview.ProjectModelEdits.Drop;
import org.brainfx.app.modelview.ProjectModelEdits.DropKind;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.junit.jupiter.api.Test;

class ProjectModelEditsTest {

    private static final ModelSpec HH = ModelLibrary.get("hh");
    private static final ModelSpec LIF = ModelLibrary.get("lif");

    @Test
    void withoutAFreeListEveryTrainableParameterWithBoundsIsFree() {
        Project p = project(null, null);
        assertEquals(List.of("gL", "gNa", "gK", "Vth"), List.copyOf(ProjectModelEdits.effectiveFree(p, HH).keySet()));
        assertEquals(List.of(0.01, 40.0), ProjectModelEdits.effectiveFree(p, HH).get("gNa"));
    }

    @Test
    void freeingWritesTheListOutInModelOrderAndFixingRemovesOne() {
        Project freed = ProjectModelEdits.withFree(project(null, null), HH, "C", List.of(0.1, 0.3));
        assertEquals(List.of("gL", "gNa", "gK", "Vth", "C"), List.copyOf(freed.fit().free().keySet()));
        Project fixed = ProjectModelEdits.withFree(freed, HH, "gNa", null);
        assertEquals(List.of("gL", "gK", "Vth", "C"), List.copyOf(fixed.fit().free().keySet()));
        assertEquals("adam", fixed.fit().optimizer(), "other fit settings are kept");
    }

    @Test
    void aProjectWithoutFitSettingsGetsThemWhenAParameterIsFreed() {
        Project bare = new Project(1, "p", null, new Project.ModelRef("hh", null, null), null, null, null, null, null);
        Project freed = ProjectModelEdits.withFree(bare, HH, "gNa", List.of(1.0, 2.0));
        assertEquals(Map.of("gL", List.of(1e-4, 0.1), "gNa", List.of(1.0, 2.0), "gK", List.of(0.01, 20.0),
                "Vth", List.of(-65.0, -50.0)), freed.fit().free());
    }

    @Test
    void replacingTheModelDropsEveryNameItDoesNotHave() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("gNa", 15.0);
        Project p = new Project(1, "p", null, new Project.ModelRef("hh", null, null, true, null), values,
                new Project.Stimulus(0.1, "Iext", null, List.of(List.of(1.0, 10.0)), "nA"), List.of("V", "m"),
                new Project.Target("m", null, Map.of("gK", 5.0)),
                new FitSettings(Map.of("gNa", List.of(1.0, 30.0)), null, "adam", null, null, null, null, null, null));
        Project.ModelRef lif = new Project.ModelRef("lif", null, null, true, null);
        ProjectModelEdits.ModelReplacement r = ProjectModelEdits.replaceModel(p, lif, LIF);
        assertEquals(List.of(new Drop(DropKind.PARAMETER_VALUE, "gNa"), new Drop(DropKind.FREE_PARAMETER, "gNa"),
                new Drop(DropKind.FREE_FALLBACK, ""), new Drop(DropKind.RECORDED_STATE, "m"),
                new Drop(DropKind.TARGET_STATE, "m"), new Drop(DropKind.SYNTHETIC_PARAMETER, "gK"),
                new Drop(DropKind.STIMULUS_INPUT, "Iext")), r.dropped());
        Project q = r.project();
        assertEquals(lif, q.model());
        assertEquals(Map.of(), q.parameters());
        assertNull(q.fit().free());
        assertEquals(List.of("V"), q.record());
        assertNull(q.target().state());
        assertNull(q.stimulus().input());
        assertEquals("adam", q.fit().optimizer());
    }

    @Test
    void aValueOutsideTheNewModelsBoundsIsDroppedAndTheRestKept() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("gNa", 15.0);
        values.put("gK", 25.0);
        Project p = new Project(1, "p", null, new Project.ModelRef("hh", null, null), values, null, null, null, null);
        ProjectModelEdits.ModelReplacement r = ProjectModelEdits.replaceModel(p, new Project.ModelRef(null, null, HH), HH);
        assertEquals(List.of(new Drop(DropKind.PARAMETER_OUT_OF_BOUNDS, "gK")), r.dropped());
        assertEquals(Map.of("gNa", 15.0), r.project().parameters());
    }

    private static Project project(Map<String, List<Double>> free, Map<String, Double> values) {
        return new Project(1, "p", null, new Project.ModelRef("hh", null, null), values, null, null, null,
                new FitSettings(free, null, "adam", null, null, null, null, null, null));
    }
}
