package dev.choreo.testcontainers;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * Skips a test class whose brokers cannot be provided, saying why, or fails it when
 * {@code choreo.e2e.required} is {@code true}.
 */
class ProvisionBrokersCondition implements ExecutionCondition {

	static final String REQUIRED_PROPERTY = "choreo.e2e.required";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return context.getTestClass()
			.map((type) -> evaluate(ProvisionBrokersContextCustomizerFactory.brokers(type)))
			.orElse(ConditionEvaluationResult.enabled("no test class"));
	}

	static ConditionEvaluationResult evaluate(List<Broker> brokers) {
		return evaluate(brokers, BrokerProvisioning.shared(), Boolean.getBoolean(REQUIRED_PROPERTY));
	}

	static ConditionEvaluationResult evaluate(List<Broker> brokers, BrokerProvisioning provisioning, boolean required) {
		List<String> missing = new ArrayList<>();
		for (Broker broker : brokers) {
			Provision provision = provisioning.provision(broker);
			if (provision.isMissing()) {
				missing.add(provision.missingReason());
			}
		}
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("brokers provided: " + brokers);
		}
		String reason = String.join("; ", missing);
		if (required) {
			throw new IllegalStateException(reason + " (" + REQUIRED_PROPERTY + " is true, so this is an error)");
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	static boolean isAnnotated(Class<?> type) {
		return MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY).isPresent(ProvisionBrokers.class);
	}

}
