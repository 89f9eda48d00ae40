package edu.scrutiny.app.assessment.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipComputationTest {
    private static final String L = "us_treasury_sdn";

    private static OwnershipNode org(String name, Double share) {
        return new OwnershipNode(name, false, share, null, false);
    }

    private static OwnershipNode listed(String name, Double share) {
        OwnershipNode n = org(name, share);
        n.markListed(L);
        return n;
    }

    @Test
    void twoListedMinoritiesAddUpToABlock() {
        OwnershipNode root = org("Target", null);
        root.addOwner(listed("A", 30.0));
        root.addOwner(listed("B", 25.0));
        root.addOwner(org("C", 45.0));
        OwnershipComputation.Result r = OwnershipComputation.compute(root, L, OwnershipComputation.Test.OFAC);
        assertThat(r.blocked()).isTrue();
        assertThat(r.total()).isEqualTo(55.0);
        assertThat(r.paths()).hasSize(2);
        assertThat(r.explain()).contains("A (30%, listed)", "B (25%, listed)", "= 55%", "in the aggregate");

        OwnershipComputation.Test single = new OwnershipComputation.Test(50, true, false, true);
        assertThat(OwnershipComputation.compute(root, L, single).blocked()).isFalse();
    }

    @Test
    void sharesAreNotMultipliedAlongAChain() {
        OwnershipNode root = org("Target", null);
        OwnershipNode holding = root.addOwner(org("Holding", 60.0));
        holding.addOwner(listed("Bank", 60.0));
        OwnershipComputation.Result r = OwnershipComputation.compute(root, L, OwnershipComputation.Test.OFAC);
        assertThat(r.blocked()).isTrue();
        assertThat(r.total()).isEqualTo(60.0);
        assertThat(r.paths()).singleElement().satisfies(p -> {
            assertThat(p).extracting(OwnershipComputation.Link::name).containsExactly("Holding", "Bank");
            assertThat(p.get(0).status()).isEqualTo(OwnershipComputation.Status.BLOCKED);
        });
        assertThat(OwnershipComputation.listedShare(root, L)).isEqualTo(36.0);
        // without indirect, only owners listed themselves count
        assertThat(OwnershipComputation.compute(root, L, new OwnershipComputation.Test(50, true, true, false)).blocked()).isFalse();
    }

    @Test
    void exactlyTheThresholdBlocksOnlyWhenInclusive() {
        OwnershipNode root = org("Target", null);
        root.addOwner(listed("A", 50.0));
        assertThat(OwnershipComputation.compute(root, L, OwnershipComputation.Test.OFAC).blocked()).isTrue();
        assertThat(OwnershipComputation.compute(root, L, new OwnershipComputation.Test(50, false, true, true)).blocked()).isFalse();
    }

    @Test
    void anUnlistedTopBlocksNothingAndAParentWithoutShareCountsAsControl() {
        OwnershipNode root = org("Target", null);
        root.addOwner(org("Holding", 60.0)).addOwner(org("Bank", 60.0));
        OwnershipComputation.Result r = OwnershipComputation.compute(root, L, OwnershipComputation.Test.OFAC);
        assertThat(r.blocked()).isFalse();
        assertThat(r.total()).isZero();
        assertThat(r.paths()).isEmpty();

        OwnershipNode sub = org("Subsidiary", null);
        sub.addOwner(listed("Parent", null));
        assertThat(OwnershipComputation.compute(sub, L, OwnershipComputation.Test.OFAC).total()).isEqualTo(100.0);
    }

    @Test
    void aListedRootIsAlsoBlockedThroughItsOwners() {
        OwnershipNode root = listed("Target", null);
        root.addOwner(listed("A", 60.0));
        assertThat(OwnershipComputation.compute(root, L, OwnershipComputation.Test.OFAC).blocked()).isTrue();
        OwnershipNode minority = listed("Target", null);
        minority.addOwner(listed("A", 20.0));
        assertThat(OwnershipComputation.compute(minority, L, OwnershipComputation.Test.OFAC).blocked()).isFalse();
    }
}
