"""The billing domain: pricing applied to orders, invoices, payments, credits, provisioning and lifecycle."""
