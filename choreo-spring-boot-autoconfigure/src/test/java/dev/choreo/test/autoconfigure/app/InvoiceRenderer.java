package dev.choreo.test.autoconfigure.app;

import org.springframework.stereotype.Service;

/**
 * A component with nothing to do with messaging: the slice leaves it out.
 */
@Service
public class InvoiceRenderer {

	String render() {
		return "invoice";
	}

}
