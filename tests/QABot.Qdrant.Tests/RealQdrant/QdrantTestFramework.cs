using QABot.Qdrant.Tests.StandIn;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("QABot.Qdrant.Tests.RealQdrant.QdrantTestFramework", "QABot.Qdrant.Tests")]

namespace QABot.Qdrant.Tests.RealQdrant;

/// <summary>
/// xunit's own framework, except that the tests of a class marked <see cref="RequiresRealQdrantAttribute"/> are
/// discovered as skipped when no real Qdrant is configured. Needed because the inherited conformance tests carry
/// attributes a subclass cannot change.
/// </summary>
public sealed class QdrantTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider sources, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, sources, diagnostics)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (QdrantTestBackend.RealSkipReason is not { } reason ||
                !testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresRealQdrantAttribute)).Any() ||
                !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);

            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, TestMethodDisplay.ClassAndMethod,
                TestMethodDisplayOptions.None, testMethod, reason, testMethodArguments: null);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
