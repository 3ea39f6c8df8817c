package dev.choreo.chronicle;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the test class when the PostgreSQL server of {@link TestDatabase} does not
 * answer, and fails it instead under {@code -Dchoreo.e2e.required=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
@interface RequiresPostgres {

	class Condition implements ExecutionCondition {

		private static Boolean reachable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			synchronized (Condition.class) {
				if (reachable == null) {
					reachable = TestDatabase.reachable();
				}
			}
			if (reachable) {
				return ConditionEvaluationResult.enabled("PostgreSQL answers at " + TestDatabase.ADMIN_URL);
			}
			String reason = "No PostgreSQL at " + TestDatabase.ADMIN_URL
					+ " (start it, or set CHOREO_CHRONICLE_TEST_JDBC_URL, _USER and _PASSWORD)";
			if (Boolean.getBoolean("choreo.e2e.required")) {
				throw new IllegalStateException(reason);
			}
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
