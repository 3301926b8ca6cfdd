SELECT cf_secure_tables();
