// Renderer: the import wizard's calls. The preview is asked for explicitly (a mutation hook, so
// it is not cached between different plans); a run's status is polled while it runs, and its
// progress also arrives as host `progress` events (task 'import') for the progress toast.
import { queryOptions, useMutation } from '@tanstack/react-query';
import type { ImportPlanInput } from '@shared/api';
import type { ExportCollection } from '@shared/import/deepsales';
import { call } from '@renderer/api/client';
import { base64Parts } from './wizard-model';

export const importTeamQuery = () => queryOptions({ queryKey: ['team'] as const, queryFn: () => call('team.list', {}) });

export const importRunQuery = (runId: string) =>
  queryOptions({
    queryKey: ['workspace', 'import', runId] as const,
    queryFn: () => call('import.status', { runId }),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 300 : false),
  });

/** Sends each chosen file in parts; resolves to the host's ids of the files. */
export function useUploadFiles() {
  return useMutation({
    mutationFn: async (files: File[]) => {
      const ids: string[] = [];
      for (const file of files) {
        const parts = base64Parts(new Uint8Array(await file.arrayBuffer()));
        let fileId: string | undefined;
        for (const chunk of parts) fileId = (await call('import.upload', { name: file.name, chunk, ...(fileId ? { fileId } : {}) })).fileId;
        ids.push(fileId!);
      }
      return ids;
    },
  });
}

export function usePreview() {
  return useMutation({ mutationFn: (plan: ImportPlanInput) => call('import.preview', plan) });
}

export function useRunImport() {
  return useMutation({ mutationFn: (plan: ImportPlanInput) => call('import.run', plan) });
}

export function useCancelImport() {
  return useMutation({ mutationFn: (runId: string) => call('import.cancel', { runId }) });
}

export function useExportCsv() {
  return useMutation({ mutationFn: (collection: ExportCollection) => call('export.csv', { collection }) });
}
