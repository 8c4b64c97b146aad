package org.restrictionledger.e2e;

import org.restrictionledger.testsupport.TestTokens;

import org.restrictionledger.infra.SampleData;

/**
 * The sample data, loaded once into the running product for every test that reads it (the ledger would refuse a second
 * load as duplicates): {@link SampleDataIT} checks the load, {@link StatusPageIT} shows it in a browser.
 */
final class SampleDataOnce {

    private static SampleData.Loaded loaded;

    private SampleDataOnce() {
    }

    static synchronized SampleData.Loaded get() {
        if (loaded == null) {
            loaded = SampleData.load(RunningProduct.ROOT.resolve("sample-data/ru-2026-messaging.json"),
                    RunningProduct.get().url(RunningProduct.Service.INGEST), TestTokens.token("sample-data", TestTokens.REPORTER),
                    line -> { });
        }
        return loaded;
    }
}
