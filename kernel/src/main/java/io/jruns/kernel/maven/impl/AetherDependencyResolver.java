package io.jruns.kernel.maven.impl;

import io.jruns.kernel.maven.DependencyResolver;
import io.jruns.kernel.maven.ResolutionFailure;
import io.jruns.kernel.maven.ResolverSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession.CloseableSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/** {@link DependencyResolver} on Maven Resolver 2 with Maven 3's model and the user's settings. */
public final class AetherDependencyResolver implements DependencyResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final ResolverSettings settings;
    private final RepositorySystem system;

    public AetherDependencyResolver(ResolverSettings settings) {
        this.settings = settings;
        this.system = new RepositorySystemSupplier().get();
    }

    @Override
    public List<Path> resolve(List<String> coordinates, List<String> repositoryUrls, PrintStream progress) {
        if (coordinates.isEmpty()) {
            throw new ResolutionFailure("no coordinates given");
        }
        MavenSettingsReader.Effective s = MavenSettingsReader.read(settings);
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) {
            collect.addDependency(new Dependency(artifact(c), JavaScopes.COMPILE));
        }
        try (CloseableSession session = new SessionBuilderSupplier(system).get()
                .withLocalRepositoryBaseDirectories(s.localRepository())
                .setOffline(s.offline())
                .setMirrorSelector(s.mirrors())
                .setProxySelector(s.proxies())
                .setAuthenticationSelector(s.authentication())
                .setSystemProperties(System.getProperties())
                .setTransferListener(new Progress(progress))
                .build()) {
            collect.setRepositories(system.newResolutionRepositories(session, repositories(s, repositoryUrls)));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException e) {
            throw new ResolutionFailure(firstLine(e), e);
        }
    }

    private static DefaultArtifact artifact(String coordinates) {
        try {
            return new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new ResolutionFailure("'" + coordinates + "' is not groupId:artifactId[:extension[:classifier]]:version");
        }
    }

    private static List<RemoteRepository> repositories(MavenSettingsReader.Effective s, List<String> urls) {
        List<RemoteRepository> repos = new ArrayList<>();
        if (s.repositories().stream().noneMatch(r -> r.getId().equals("central"))) {
            repos.add(new RemoteRepository.Builder("central", "default", CENTRAL).build());
        }
        repos.addAll(s.repositories());
        for (int i = 0; i < urls.size(); i++) {
            repos.add(new RemoteRepository.Builder("repo" + (i + 1), "default", urls.get(i)).build());
        }
        return repos;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** One line per downloaded file, so a slow first %maven shows that it is working. */
    private static final class Progress extends AbstractTransferListener {
        private final PrintStream out;

        Progress(PrintStream out) {
            this.out = out;
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            if (out != null && event.getRequestType() == TransferEvent.RequestType.GET
                    && event.getResource().getResourceName().endsWith(".jar")) {
                out.println("Downloaded " + event.getResource().getRepositoryUrl() + event.getResource().getResourceName());
            }
        }
    }
}
