package dev.choreo.starter;

import java.nio.file.*;
import java.util.*;

import dev.choreo.*;
import dev.choreo.match.*;
import dev.choreo.transport.InMemoryTransport;
import org.hamcrest.*;
import org.junit.jupiter.api.Test;

import static dev.choreo.match.Matchers.*;
import static org.assertj.core.api.Assertions.*;
import static org.hamcrest.Matchers.*;
import static org.mockito.ArgumentMatchers.*;
import static org.mockito.BDDMockito.*;

/**
 * A test class that imports everything {@code spring-boot-starter-test} users import,
 * with wildcards, beside Choreo's matchers. It compiles only while no Choreo name clashes
 * with Mockito's {@code ArgumentMatchers}, Hamcrest's {@code Matchers}/{@code Matcher},
 * AssertJ's {@code Assertions} or {@code java.nio.file.Path}.
 */
class WildcardImportsTests {

	@Test
	void choreoMatchersSitBesideMockitoHamcrestAndAssertJ() {
		MessageMatcher order = allOf(
				fieldEquals("status", "PAID"), not(fieldExists("error")), containsFields(Map.of("qty", gt(0), "sku",
						valueMatches("A-\\d+"), "state", valueIn("NEW", "PAID"), "ref", valueEquals("R-1"))),
				HamcrestMatchers.from(hasEntry("status", "PAID")));
		FieldPath dotted = FieldPath.of("trace.id");
		Path file = Paths.get("orders.json");
		Matcher<Integer> big = greaterThan(3);

		Map<String, Object> payload = Map.of("status", "PAID", "qty", 2, "sku", "A-7", "state", "PAID", "ref", "R-1");
		assertThat(order.match(payload).matched()).isTrue();
		assertThat(anyPayload().match(null).matched()).isTrue();
		assertThat(fieldEquals(dotted, "t-1").match(Map.of("trace.id", "t-1")).matched()).isTrue();
		MatcherAssert.assertThat(5, big);
		MatcherAssert.assertThat("PAID", is(in(List.of("NEW", "PAID"))));
		assertThat(file.getFileName().toString()).isEqualTo("orders.json");

		@SuppressWarnings("unchecked")
		List<String> sink = mock(List.class);
		sink.add("PAID");
		then(sink).should().add(eq("PAID"));
		then(sink).should(never()).add(matches("NEW"));
		then(sink).should().add(anyString());
		try (Harness harness = Harness.builder(InMemoryTransport.builder().build()).build().connect();
				Scenario scenario = harness.scenario("wildcards")) {
			scenario.expect("orders", order);
			scenario.publish("orders", payload).awaitAll().assertPassed();
		}
	}

}
